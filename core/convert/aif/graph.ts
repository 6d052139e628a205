/** IdSchema's rule, tested directly: this runs once per node of a large file. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/
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
  const byId = new Map<string, AifNodeIn>()
  const into = new Map<string, string[]>()
  const outOf = new Map<string, string[]>()
  for (const n of nodes) {
    byId.set(n.nodeID, n)
    into.set(n.nodeID, [])
    outOf.set(n.nodeID, [])
  }
  // A repeated edge adds nothing. Short lists are searched; a long one (a hub) gets a set, so hubs stay linear.
  const hubs = new Map<string[], Set<string>>()
  const addOnce = (list: string[], id: string) => {
    if (list.length < 16) {
      if (list.includes(id)) return
    } else {
      let set = hubs.get(list)
      if (!set) hubs.set(list, (set = new Set(list)))
      if (set.has(id)) return
      set.add(id)
    }
    list.push(id)
  }
  for (const e of edges) {
    const outs = outOf.get(e.fromID)
    const ins = into.get(e.toID)
    if (!outs || !ins || e.fromID === e.toID) continue
    addOnce(outs, e.toID)
    addOnce(ins, e.fromID)
  }
  return { nodes, byId, into, outOf }
}

export function neighbours(g: AifGraph, id: string, dir: 'into' | 'outOf', ...types: AifNodeType[]): string[] {
  const out: string[] = []
  const list = g[dir].get(id)
  if (!list) return out
  // A plain loop: this runs for every scheme and YA node of a large file.
  for (let i = 0; i < list.length; i++) {
    const t = g.byId.get(list[i]!)!.type
    if (t === types[0] || (types.length > 1 && types.includes(t))) out.push(list[i]!)
  }
  return out
}

export const at = (nodeID: string) => `nodeID "${nodeID}"`

/** Several nodes with one problem make one warning, so a corpus stays readable. */
export function grouped(message: (count: number) => string, nodeIDs: string[]): Issue[] {
  if (nodeIDs.length === 0) return []
  const shown = nodeIDs
    .slice(0, 5)
    .map((id) => `"${id}"`)
    .join(', ')
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
    if (this.used.has(id) || id.length > 64 || !ID_PATTERN.test(id)) return false
    this.used.add(id)
    return true
  }

  take(raw: string): string {
    const base = fitId(raw)
    // fitId's result already fits IdSchema.
    if (!this.used.has(base)) {
      this.used.add(base)
      return base
    }
    for (let n = 2; ; n++) {
      const candidate = `${base.slice(0, 56)}-${n}`
      if (this.reserve(candidate)) return candidate
    }
  }
}

function fitId(raw: string): string {
  if (raw.length <= 56 && ID_PATTERN.test(raw)) return raw
  const cleaned = raw.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56)
  return cleaned === '' ? 'n' : cleaned
}
