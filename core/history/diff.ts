import type { ArgNode, ArgumentMap, Relation, Vote } from '../graph'

/**
 * What changed between two states of a map: nodes, relations and votes
 * added, removed and changed. Pure, so the history panel, the canvas
 * highlight and the property tests share one definition.
 */
export interface Changed<T> {
  id: string
  before: T
  after: T
  /** The fields that differ ('x' and 'y' read as a move). */
  fields: string[]
}

export interface Delta<T> {
  added: T[]
  removed: T[]
  changed: Array<Changed<T>>
}

export interface MapDiff {
  title: { before: string; after: string } | null
  nodes: Delta<ArgNode>
  relations: Delta<Relation>
  votes: Delta<Vote>
}

export const voteId = (v: Pick<Vote, 'nodeId' | 'userId'>) => `${v.nodeId}|${v.userId}`

function fieldsThatDiffer(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  return [...keys].filter((k) => ra[k] !== rb[k] && !(ra[k] === undefined && rb[k] === undefined)).sort()
}

function delta<T extends object>(before: readonly T[], after: readonly T[], idOf: (t: T) => string): Delta<T> {
  const was = new Map(before.map((t) => [idOf(t), t]))
  const now = new Map(after.map((t) => [idOf(t), t]))
  const out: Delta<T> = { added: [], removed: [], changed: [] }
  for (const [id, t] of now) {
    const old = was.get(id)
    if (!old) out.added.push(t)
    else {
      const fields = fieldsThatDiffer(old, t)
      if (fields.length > 0) out.changed.push({ id, before: old, after: t, fields })
    }
  }
  for (const [id, t] of was) if (!now.has(id)) out.removed.push(t)
  return out
}

export function diffMaps(from: ArgumentMap, to: ArgumentMap): MapDiff {
  return {
    title: from.title === to.title ? null : { before: from.title, after: to.title },
    nodes: delta(from.nodes, to.nodes, (n) => n.id),
    relations: delta(from.relations, to.relations, (r) => r.id),
    votes: delta(from.votes, to.votes, voteId),
  }
}

export function isEmptyDiff(d: MapDiff): boolean {
  return (
    d.title === null &&
    [d.nodes, d.relations, d.votes].every(
      (x) => x.added.length === 0 && x.removed.length === 0 && x.changed.length === 0,
    )
  )
}

/**
 * How each node on the canvas (the later state) is marked: added, or changed
 * (its fields, or the votes on it). Removed nodes are not on the canvas; the list names them.
 */
export function diffMarks(d: MapDiff): Map<string, 'added' | 'changed'> {
  const marks = new Map<string, 'added' | 'changed'>()
  for (const n of d.nodes.added) marks.set(n.id, 'added')
  const changed = (id: string) => marks.has(id) || marks.set(id, 'changed')
  for (const c of d.nodes.changed) changed(c.id)
  for (const v of [...d.votes.added, ...d.votes.removed, ...d.votes.changed.map((c) => c.after)]) changed(v.nodeId)
  return marks
}
