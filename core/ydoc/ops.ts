import * as Y from 'yjs'
import {
  ArgumentMapSchema,
  NodeSchema,
  RelationSchema,
  VoteSchema,
  type ArgNode,
  type ArgumentMap,
  type Relation,
} from '../graph'
import type { Origin } from './origins'
import {
  SCHEMA_VERSION,
  TEXT_FIELDS,
  metaOf,
  nodesOf,
  recordEntries,
  recordOf,
  relationsOf,
  toYRecord,
  voteKey,
  votesOf,
} from './shape'
import { setText } from './splice'
import { stampEdit, stampNew } from './stamps'
import { wellFormed, wellFormedValue } from './wellFormed'

/**
 * The single write path: every change to a map is one function here running
 * one transaction, so invariants and undo grouping live in one place.
 */

export function initDoc(doc: Y.Doc, title: string, origin: Origin): void {
  doc.transact(() => {
    const meta = metaOf(doc)
    if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', wellFormed(title))
  }, origin)
}

export function setTitle(doc: Y.Doc, title: string, origin: Origin): void {
  doc.transact(() => metaOf(doc).set('title', wellFormed(title)), origin)
}

/**
 * When a record was made and last edited: client clock readings, kept beside
 * the fields. Who made and edited it is read from the items ([PA1]), not here.
 */

export function addNode(doc: Y.Doc, node: ArgNode, origin: Origin): void {
  const valid = NodeSchema.parse(node)
  doc.transact(() => nodesOf(doc).set(valid.id, toYRecord(stampNew(valid))), origin)
}

export type NodePatch = Partial<Omit<ArgNode, 'id'>>

/** Sets only the given fields, so a concurrent edit of another field survives. */
export function updateNode(doc: Y.Doc, id: string, patch: NodePatch, origin: Origin): void {
  const valid = NodeSchema.omit({ id: true }).partial().parse(patch)
  doc.transact(() => {
    const y = recordOf(nodesOf(doc), id)
    if (!y) return
    // Only what differs is written: a no-op must not touch someone else's record ([PA7]).
    let changed = false
    for (const [k, v] of Object.entries(valid)) {
      if (v === undefined) {
        if (y.has(k)) {
          y.delete(k)
          changed = true
        }
      } else if (TEXT_FIELDS.has(k) && typeof v === 'string') changed = setText(y, k, v) || changed
      else if (y.get(k) !== v) {
        y.set(k, wellFormedValue(v))
        changed = true
      }
    }
    if (changed) stampEdit(y)
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
      // Unmoved nodes are left alone: a drag of a mixed selection must not touch others' nodes ([PA7]).
      const x = Math.round(p.x)
      const yy = Math.round(p.y)
      if (y.get('x') !== x) y.set('x', x)
      if (y.get('y') !== yy) y.set('y', yy)
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
  doc.transact(() => relationsOf(doc).set(valid.id, toYRecord(stampNew(valid))), origin)
}

export function setRelationKind(doc: Y.Doc, id: string, kind: 'supports' | 'attacks', origin: Origin): void {
  doc.transact(() => {
    const y = recordOf(relationsOf(doc), id)
    if (!y || y.get('kind') === kind) return
    y.set('kind', kind)
    stampEdit(y)
  }, origin)
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

/**
 * Deletes nodes and relations as one change: a node's deletion is filed in
 * the trash with the relations it had ([PA9]), so they must go in the same
 * update, not in a separate one before it.
 */
export function removeElements(
  doc: Y.Doc,
  ids: { nodes: Iterable<string>; relations: Iterable<string> },
  origin: Origin,
): void {
  doc.transact(() => {
    removeRelations(doc, ids.relations, origin)
    removeNodes(doc, ids.nodes, origin)
  }, origin)
}

const ClearVoteSchema = VoteSchema.pick({ nodeId: true, userId: true })

/**
 * One entry per person per node, so concurrent votes by different people merge. [DOC7] Validated
 * here, on write: a vote that reading would drop is never written in the first place.
 */
export function setVote(
  doc: Y.Doc,
  vote: { nodeId: string; userId: string; value: number | null; group?: string },
  origin: Origin,
): void {
  const { nodeId, userId } = ClearVoteSchema.parse(vote)
  const valid = vote.value === null ? null : VoteSchema.parse(vote)
  doc.transact(() => {
    const key = voteKey(nodeId, userId)
    if (valid === null) votesOf(doc).delete(key)
    else votesOf(doc).set(key, valid.group ? { value: valid.value, group: valid.group } : { value: valid.value })
  }, origin)
}

/** Replaces the whole content, for imports, seeding and restoring originals. */
export function replaceGraph(doc: Y.Doc, map: ArgumentMap, origin: Origin): void {
  const valid = ArgumentMapSchema.parse(map)
  doc.transact(() => {
    const meta = metaOf(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', wellFormed(valid.title))
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
