/** IdSchema's rule, tested directly: this runs once per node of a large file. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/
import type { Issue } from '../json'
import type { AifEdgeIn, AifNodeIn, AifNodeType } from './types'

/** The validated AIF input with adjacency, shared by the import passes. */
export interface AifGraph {
  nodes: AifNodeIn[]
  /** Each nodeID's position in `nodes` (ids are unique once checkReferences has passed). */
  index: ReadonlyMap<string, number>
  /** Distinct neighbours by position, in input order; a repeated edge adds nothing. Absent: none. */
  into: (number[] | undefined)[]
  outOf: (number[] | undefined)[]
  /** Positions in the input of edges from a node to itself, and of edges joining two I-nodes directly. */
  selfLoops: number[]
  bareEdges: number[]
}

/** Each nodeID's first position in `nodes`. */
export function indexNodes(nodes: AifNodeIn[]): Map<string, number> {
  const index = new Map<string, number>()
  for (let i = 0; i < nodes.length; i++) if (!index.has(nodes[i]!.nodeID)) index.set(nodes[i]!.nodeID, i)
  return index
}

/**
 * Adjacency by position rather than by id: a large file costs one Map entry
 * per node (the index, shared with checkReferences) and no Map lookups when
 * neighbours are filtered by type (bench/interchange.ts, [AF7]).
 */
export function indexGraph(nodes: AifNodeIn[], edges: AifEdgeIn[], index: ReadonlyMap<string, number>): AifGraph {
  const into: (number[] | undefined)[] = new Array(nodes.length)
  const outOf: (number[] | undefined)[] = new Array(nodes.length)
  const selfLoops: number[] = []
  const bareEdges: number[] = []
  // A repeated edge adds nothing. Short lists are searched; a long one (a hub) gets a set, so hubs stay linear.
  const hubs = new Map<number[], Set<number>>()
  const addOnce = (lists: (number[] | undefined)[], at: number, j: number) => {
    const list = lists[at]
    if (list === undefined) {
      lists[at] = [j]
      return
    }
    if (list.length < 16) {
      if (list.includes(j)) return
    } else {
      let set = hubs.get(list)
      if (!set) hubs.set(list, (set = new Set(list)))
      if (set.has(j)) return
      set.add(j)
    }
    list.push(j)
  }
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!
    const from = index.get(e.fromID)
    const to = index.get(e.toID)
    if (from === undefined || to === undefined) continue
    if (from === to) {
      selfLoops.push(k)
      continue
    }
    if (nodes[from]!.type === 'I' && nodes[to]!.type === 'I') bareEdges.push(k)
    addOnce(outOf, from, to)
    addOnce(into, to, from)
  }
  return { nodes, index, into, outOf, selfLoops, bareEdges }
}

export function nodeOf(g: AifGraph, id: string): AifNodeIn | undefined {
  const i = g.index.get(id)
  return i === undefined ? undefined : g.nodes[i]
}

/** The ids of a node's distinct neighbours one way, of the given types (all types when none are given). */
export function neighbours(g: AifGraph, id: string, dir: 'into' | 'outOf', ...types: AifNodeType[]): string[] {
  const out: string[] = []
  const i = g.index.get(id)
  const list = i === undefined ? undefined : g[dir][i]
  if (!list) return out
  // A plain loop over positions: this runs for every scheme and YA node of a large file.
  for (let k = 0; k < list.length; k++) {
    const n = g.nodes[list[k]!]!
    if (types.length === 0 || n.type === types[0] || (types.length > 1 && types.includes(n.type))) out.push(n.nodeID)
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
