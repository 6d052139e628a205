import type * as Y from 'yjs'
import {
  ArgumentMapSchema,
  NodeSchema,
  RelationSchema,
  type ArgNode,
  type ArgumentMap,
  type Relation,
} from '../graph'
import type { Origin } from './origins'
import {
  SCHEMA_VERSION,
  metaOf,
  nodesOf,
  recordEntries,
  recordOf,
  relationsOf,
  toYRecord,
  voteKey,
  votesOf,
} from './shape'

/**
 * The single write path: every change to a map is one function here running
 * one transaction, so invariants and undo grouping live in one place.
 */

export function initDoc(doc: Y.Doc, title: string, origin: Origin): void {
  doc.transact(() => {
    const meta = metaOf(doc)
    if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', title)
  }, origin)
}

export function setTitle(doc: Y.Doc, title: string, origin: Origin): void {
  doc.transact(() => metaOf(doc).set('title', title), origin)
}

export function addNode(doc: Y.Doc, node: ArgNode, origin: Origin): void {
  const valid = NodeSchema.parse(node)
  doc.transact(() => nodesOf(doc).set(valid.id, toYRecord(valid)), origin)
}

export type NodePatch = Partial<Omit<ArgNode, 'id'>>

/** Sets only the given fields, so a concurrent edit of another field survives. */
export function updateNode(doc: Y.Doc, id: string, patch: NodePatch, origin: Origin): void {
  const valid = NodeSchema.omit({ id: true }).partial().parse(patch)
  doc.transact(() => {
    const y = recordOf(nodesOf(doc), id)
    if (!y) return
    for (const [k, v] of Object.entries(valid)) {
      if (v === undefined) y.delete(k)
      else if (y.get(k) !== v) y.set(k, v)
    }
  }, origin)
}

export function moveNodes(
  doc: Y.Doc,
  positions: ReadonlyArray<{ id: string; x: number; y: number }>,
  origin: Origin,
): void {
  doc.transact(() => {
    for (const p of positions) {
      const y = recordOf(nodesOf(doc), p.id)
      if (!y || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue
      y.set('x', Math.round(p.x))
      y.set('y', Math.round(p.y))
    }
  }, origin)
}

/** Removes nodes, every relation touching them, and undercuts of those relations. */
export function removeNodes(doc: Y.Doc, ids: Iterable<string>, origin: Origin): void {
  const gone = new Set(ids)
  doc.transact(() => {
    const relations = relationsOf(doc)
    const doomed = new Set<string>()
    for (const [rid, r] of recordEntries(relations)) {
      if (gone.has(String(r.get('source'))) || gone.has(String(r.get('target')))) doomed.add(rid)
    }
    for (const [rid, r] of recordEntries(relations)) {
      if (doomed.has(String(r.get('target')))) doomed.add(rid)
    }
    for (const rid of doomed) relations.delete(rid)
    const votes = votesOf(doc)
    for (const key of [...votes.keys()]) if (gone.has(key.split('|')[0]!)) votes.delete(key)
    for (const id of gone) nodesOf(doc).delete(id)
  }, origin)
}

export function addRelation(doc: Y.Doc, rel: Relation, origin: Origin): void {
  const valid = RelationSchema.parse(rel)
  if (valid.source === valid.target) throw new Error('a relation cannot join a node to itself')
  doc.transact(() => relationsOf(doc).set(valid.id, toYRecord(valid)), origin)
}

export function setRelationKind(doc: Y.Doc, id: string, kind: 'supports' | 'attacks', origin: Origin): void {
  doc.transact(() => recordOf(relationsOf(doc), id)?.set('kind', kind), origin)
}

/** Removes relations and any undercut aimed at them. */
export function removeRelations(doc: Y.Doc, ids: Iterable<string>, origin: Origin): void {
  const gone = new Set(ids)
  doc.transact(() => {
    const relations = relationsOf(doc)
    for (const [rid, r] of recordEntries(relations)) if (gone.has(String(r.get('target')))) gone.add(rid)
    for (const rid of gone) relations.delete(rid)
  }, origin)
}

/** One entry per person per node, so concurrent votes by different people merge. */
export function setVote(
  doc: Y.Doc,
  vote: { nodeId: string; userId: string; value: number | null; group?: string },
  origin: Origin,
): void {
  doc.transact(() => {
    const key = voteKey(vote.nodeId, vote.userId)
    if (vote.value === null) votesOf(doc).delete(key)
    else votesOf(doc).set(key, vote.group ? { value: vote.value, group: vote.group } : { value: vote.value })
  }, origin)
}

/** Replaces the whole content, for imports, seeding and restoring originals. */
export function replaceGraph(doc: Y.Doc, map: ArgumentMap, origin: Origin): void {
  const valid = ArgumentMapSchema.parse(map)
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', valid.title)
    const nodes = nodesOf(doc)
    const relations = relationsOf(doc)
    const votes = votesOf(doc)
    nodes.clear()
    relations.clear()
    votes.clear()
    for (const n of valid.nodes) nodes.set(n.id, toYRecord(n))
    for (const r of valid.relations) relations.set(r.id, toYRecord(r))
    for (const v of valid.votes) {
      votes.set(voteKey(v.nodeId, v.userId), v.group ? { value: v.value, group: v.group } : { value: v.value })
    }
  }, origin)
}
