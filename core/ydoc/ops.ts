import * as Y from 'yjs'
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
  TEXT_FIELDS,
  metaOf,
  nodesOf,
  recordEntries,
  recordOf,
  relationsOf,
  toYRecord,
  voteKey,
  votesOf,
  type YRecord,
} from './shape'
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
const stampNew = <T extends object>(fields: T) => ({ ...fields, createdAt: Date.now() })
const stampEdit = (record: YRecord) => record.set('editedAt', Date.now())

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

/**
 * Rewrites a text field as the smallest splice from what it holds, so an edit
 * touches only the characters it changed and merges with someone else's edit
 * elsewhere in the same text. A field still holding a plain string (a doc
 * written before text became Y.Text) is replaced whole, once.
 */
function setText(record: Y.Map<unknown>, key: string, raw: string): boolean {
  const next = wellFormed(raw)
  const current = record.get(key)
  if (!(current instanceof Y.Text)) {
    if (current === next) return false
    record.set(key, new Y.Text(next))
    return true
  }
  const prev = current.toString()
  if (prev === next) return false
  const { start, removed, inserted } = splice(prev, next)
  if (removed > 0) current.delete(start, removed)
  if (inserted) current.insert(start, inserted)
  return true
}

/** The one splice turning `prev` into `next`: common prefix and suffix kept, never splitting a surrogate pair. */
export function splice(prev: string, next: string): { start: number; removed: number; inserted: string } {
  const max = Math.min(prev.length, next.length)
  let start = 0
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--
  let end = 0
  while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--
  return { start, removed: prev.length - start - end, inserted: next.slice(start, next.length - end) }
}

/** An edit of one node's text, begun from what the doc held when the person started typing. */
export interface TextEdit {
  /** The text the edit started from. */
  readonly base: string
  /**
   * Writes the person's final text as the change they made to `base`, at the
   * places they made it: what others wrote into the text meanwhile, outside the
   * stretch this person replaced, is kept.
   */
  commit(next: string, origin: Origin): void
}

/**
 * Starts a text edit of node `id`. Editors keep a draft while the person types
 * (so a remote edit does not yank the caret) and commit it at the end; a plain
 * splice against the doc's text at that moment would undo whatever others
 * wrote meanwhile. Positions captured now (Yjs relative positions, which
 * follow the characters they sit next to) place the splice where it belongs.
 */
export function beginTextEdit(doc: Y.Doc, id: string): TextEdit {
  const text = recordOf(nodesOf(doc), id)?.get('text')
  if (!(text instanceof Y.Text)) {
    // Nothing to merge with (a plain-string text from an older doc, or no such node): a whole write.
    const base = typeof text === 'string' ? text : ''
    return { base, commit: (next, origin) => updateNode(doc, id, { text: next }, origin) }
  }
  const base = text.toString()
  // Each boundary i, twice: tied to the character after it (where a removed stretch begins)
  // and to the one before it (where it ends), so insertions others made right at either
  // edge stay outside the stretch.
  const after = Array.from({ length: base.length + 1 }, (_, i) => Y.createRelativePositionFromTypeIndex(text, i))
  const before = Array.from({ length: base.length + 1 }, (_, i) => Y.createRelativePositionFromTypeIndex(text, i, -1))
  return {
    base,
    commit(next, origin) {
      const valid = wellFormed(NodeSchema.shape.text.parse(next))
      if (valid === base) return
      doc.transact(() => {
        const current = recordOf(nodesOf(doc), id)?.get('text')
        // Its text replaced wholesale meanwhile: nothing left to splice into, so a whole write
        // (which does nothing if the node itself is gone).
        if (current !== text) {
          updateNode(doc, id, { text: valid }, origin)
          return
        }
        const { start, removed, inserted } = splice(base, valid)
        const from = Y.createAbsolutePositionFromRelativePosition(after[start]!, doc)?.index
        const to = Y.createAbsolutePositionFromRelativePosition(before[start + removed]!, doc)?.index
        if (from === undefined || to === undefined) return
        if (to > from) text.delete(from, to - from)
        if (inserted) text.insert(from, inserted)
        if (to > from || inserted) stampEdit(recordOf(nodesOf(doc), id)!)
      }, origin)
    },
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

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
export function removeElements(doc: Y.Doc, ids: { nodes: Iterable<string>; relations: Iterable<string> }, origin: Origin): void {
  doc.transact(() => {
    removeRelations(doc, ids.relations, origin)
    removeNodes(doc, ids.nodes, origin)
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
