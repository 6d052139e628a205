import type { ArgumentMap } from '../graph'

export type LayoutEdge = { id: string; source: string; target: string }

/**
 * The node-to-node edges the layout engine sees. An undercut aims at a
 * relation, which a layout engine cannot place, so it stands in as an edge
 * from the undercutter to the support's source: the undercutter then sits
 * beside the premise whose inference it attacks. Self-loops and duplicates
 * add nothing to a layering and are dropped.
 */
export function layoutEdges(map: ArgumentMap): LayoutEdge[] {
  const nodeIds = new Set(map.nodes.map((n) => n.id))
  const relById = new Map(map.relations.map((r) => [r.id, r]))
  const seen = new Set<string>()
  const out: LayoutEdge[] = []
  for (const r of map.relations) {
    const target = r.kind === 'undercuts' ? relById.get(r.target)?.source : r.target
    if (target === undefined || !nodeIds.has(r.source) || !nodeIds.has(target)) continue
    if (r.source === target) continue
    const key = `${r.source}->${target}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ id: r.id, source: r.source, target })
  }
  return out
}
