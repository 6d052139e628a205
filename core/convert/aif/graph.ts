import { IdSchema } from '../../graph'
import type { Issue } from '../json'
import type { AifEdgeIn, AifNodeIn, AifNodeType } from './types'

/** The validated AIF input with adjacency, shared by the import passes. */
export interface AifGraph {
  nodes: AifNodeIn[]
  byId: Map<string, AifNodeIn>
  /** Distinct neighbours in input order; a repeated edge adds nothing. */
  into: Map<string, string[]>
  outOf: Map<string, string[]>
}

export function indexGraph(nodes: AifNodeIn[], edges: AifEdgeIn[]): AifGraph {
  const byId = new Map(nodes.map((n) => [n.nodeID, n]))
  const into = new Map<string, string[]>(nodes.map((n) => [n.nodeID, []]))
  const outOf = new Map<string, string[]>(nodes.map((n) => [n.nodeID, []]))
  for (const e of edges) {
    const outs = outOf.get(e.fromID)
    const ins = into.get(e.toID)
    if (!outs || !ins || e.fromID === e.toID) continue
    if (!outs.includes(e.toID)) outs.push(e.toID)
    if (!ins.includes(e.fromID)) ins.push(e.fromID)
  }
  return { nodes, byId, into, outOf }
}

export function neighbours(
  g: AifGraph,
  id: string,
  dir: 'into' | 'outOf',
  ...types: AifNodeType[]
): string[] {
  return (g[dir].get(id) ?? []).filter((n) => types.includes(g.byId.get(n)!.type))
}

export const at = (nodeID: string) => `nodeID "${nodeID}"`

/** Several nodes with one problem make one warning, so a corpus stays readable. */
export function grouped(message: (count: number) => string, nodeIDs: string[]): Issue[] {
  if (nodeIDs.length === 0) return []
  const shown = nodeIDs.slice(0, 5).map((id) => `"${id}"`).join(', ')
  const more = nodeIDs.length > 5 ? ` and ${nodeIDs.length - 5} more` : ''
  return [{ message: message(nodeIDs.length), at: `nodeID ${shown}${more}` }]
}

/**
 * Hands out Crux ids, deterministically in call order. AIF ids can be any
 * string or number; ids that fit IdSchema are kept, others are made to fit,
 * and a clash gets a `-2`, `-3`… suffix.
 */
export class IdAllocator {
  private readonly used = new Set<string>()

  /** Claims an id exactly, or returns false if it is taken or invalid. */
  reserve(id: string): boolean {
    if (this.used.has(id) || !IdSchema.safeParse(id).success) return false
    this.used.add(id)
    return true
  }

  take(raw: string): string {
    const base = fitId(raw)
    if (this.reserve(base)) return base
    for (let n = 2; ; n++) {
      const candidate = `${base.slice(0, 56)}-${n}`
      if (this.reserve(candidate)) return candidate
    }
  }
}

function fitId(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56)
  return cleaned === '' ? 'n' : cleaned
}
