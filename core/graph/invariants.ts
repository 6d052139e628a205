import type { ArgumentMap, Relation } from './schema'

/**
 * Invariants every map read from a document satisfies. A CRDT merge can
 * produce states no single client wrote, so readers repair and this checks.
 */
export function problems(map: ArgumentMap): string[] {
  const out: string[] = []
  const nodeIds = new Set<string>()
  for (const n of map.nodes) {
    if (nodeIds.has(n.id)) out.push(`duplicate node id ${n.id}`)
    nodeIds.add(n.id)
  }
  const relById = new Map<string, Relation>()
  for (const r of map.relations) {
    if (relById.has(r.id) || nodeIds.has(r.id)) out.push(`duplicate id ${r.id}`)
    relById.set(r.id, r)
  }
  for (const r of map.relations) {
    if (!nodeIds.has(r.source)) out.push(`relation ${r.id} from missing node ${r.source}`)
    if (r.source === r.target) out.push(`relation ${r.id} is a self-loop`)
    if (r.kind === 'undercuts') {
      if (relById.get(r.target)?.kind !== 'supports') out.push(`undercut ${r.id} aims at no support`)
    } else if (!nodeIds.has(r.target)) out.push(`relation ${r.id} to missing node ${r.target}`)
  }
  for (const v of map.votes) {
    if (!nodeIds.has(v.nodeId)) out.push(`vote on missing node ${v.nodeId}`)
  }
  return out
}

/** Drops what a merge can leave dangling: relations to missing ends, votes on missing nodes. */
export function repair(map: ArgumentMap): ArgumentMap {
  const nodeIds = new Set(map.nodes.map((n) => n.id))
  // A node and a relation sharing an id: the node wins, deterministically.
  let relations = map.relations.filter((r) => !nodeIds.has(r.id) && r.source !== r.target && nodeIds.has(r.source))
  const plain = relations.filter((r) => r.kind !== 'undercuts' && nodeIds.has(r.target))
  const supportIds = new Set(plain.filter((r) => r.kind === 'supports').map((r) => r.id))
  relations = relations.filter((r) => (r.kind === 'undercuts' ? supportIds.has(r.target) : nodeIds.has(r.target)))
  const votes = map.votes.filter((v) => nodeIds.has(v.nodeId))
  return { ...map, relations, votes }
}
