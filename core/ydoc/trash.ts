import * as Y from 'yjs'
import { z } from 'zod'
import { ContributorSchema, IdSchema, type Contributor } from '../graph'
import { entryAuthor } from './authorship'
import type { Origin } from './origins'
import {
  nodesOf,
  recordEntries,
  recordOf,
  relationsOf,
  splitVoteKey,
  toYRecord,
  trashOf,
  votesOf,
  type YRecord,
} from './shape'

/**
 * "Recently deleted" ([PA9]): the server files every deleted node in the
 * doc's `trash` root, with the relations and votes that went with it, who
 * deleted it (the person on the connection) and when (the server's clock).
 * Kept in the doc, it survives restarts and compaction like everything else;
 * clients cannot write it ([PA2]), owners take entries out by restoring them.
 */

const TrashedRecordSchema = z.object({
  id: IdSchema,
  /** The record's fields as plain values (text as a string). */
  fields: z.record(z.string(), z.unknown()),
  /** The userId of its author, restored into the record's owner-only `author` field. */
  author: z.string().max(128).optional(),
})
type TrashedRecord = z.infer<typeof TrashedRecordSchema>

export const TrashEntrySchema = z.object({
  node: TrashedRecordSchema,
  relations: z.array(TrashedRecordSchema),
  votes: z.array(z.object({ key: z.string().max(300), value: z.unknown() })),
  deletedBy: ContributorSchema,
  deletedAt: z.number(),
})
export type TrashEntry = z.infer<typeof TrashEntrySchema>

function trashed(doc: Y.Doc, id: string, record: YRecord): TrashedRecord {
  const item = (record as { _item?: Y.Item | null })._item
  const author = item ? entryAuthor(doc, { client: item.id.client, value: record, live: true }) : null
  return { id, fields: record.toJSON() as Record<string, unknown>, ...(author ? { author } : {}) }
}

/** Server only, before a deletion is applied: what each node takes with it, as the doc holds it now. */
export function trashEntriesFor(
  doc: Y.Doc,
  nodeIds: readonly string[],
  deletedBy: Contributor,
  deletedAt: number,
): TrashEntry[] {
  const out: TrashEntry[] = []
  for (const id of nodeIds) {
    const node = recordOf(nodesOf(doc), id)
    if (!node) continue
    const relations: TrashedRecord[] = []
    const attached = new Set<string>()
    for (const [rid, r] of recordEntries(relationsOf(doc))) {
      if (r.get('source') === id || r.get('target') === id) attached.add(rid)
    }
    for (const [rid, r] of recordEntries(relationsOf(doc))) {
      if (attached.has(rid) || attached.has(String(r.get('target')))) relations.push(trashed(doc, rid, r))
    }
    const votes = [...votesOf(doc).entries()]
      .filter(([key]) => splitVoteKey(key)?.nodeId === id)
      .map(([key, value]) => ({ key, value }))
    out.push({ node: trashed(doc, id, node), relations, votes, deletedBy, deletedAt })
  }
  return out
}

/** Server only: files entries (written with the server's own clientID, never a client's). */
export function putInTrash(doc: Y.Doc, entries: readonly TrashEntry[], origin: Origin): void {
  if (entries.length === 0) return
  doc.transact(() => {
    for (const e of entries) trashOf(doc).set(e.node.id, TrashEntrySchema.parse(e))
  }, origin)
}

/** The trash, newest deletion first; entries that fail their schema are skipped. */
export function readTrash(doc: Y.Doc): TrashEntry[] {
  const out: TrashEntry[] = []
  for (const raw of trashOf(doc).values()) {
    const parsed = TrashEntrySchema.safeParse(raw)
    if (parsed.success) out.push(parsed.data)
  }
  return out.sort((a, b) => b.deletedAt - a.deletedAt)
}

/**
 * An owner brings a node back with its relations (those whose other end
 * exists) and votes, as one new change everyone sees, and takes it out of
 * the trash. Restored records name their original author in `author`, which
 * only owners may write ([PA6]), so credit and the own-work policy follow it.
 */
export function restoreFromTrash(doc: Y.Doc, nodeId: string, origin: Origin): boolean {
  const parsed = TrashEntrySchema.safeParse(trashOf(doc).get(nodeId))
  if (!parsed.success) return false
  const entry = parsed.data
  doc.transact(() => {
    const nodes = nodesOf(doc)
    const relations = relationsOf(doc)
    if (!nodes.has(entry.node.id)) nodes.set(entry.node.id, restored(entry.node))
    // Node-to-node relations first, so undercuts find the support they aim at.
    const ordered = [...entry.relations].sort(
      (a, b) => Number(a.fields.kind === 'undercuts') - Number(b.fields.kind === 'undercuts'),
    )
    for (const r of ordered) {
      const target = String(r.fields.target)
      const targetThere = r.fields.kind === 'undercuts' ? relations.has(target) : nodes.has(target)
      if (!relations.has(r.id) && nodes.has(String(r.fields.source)) && targetThere) relations.set(r.id, restored(r))
    }
    const votes = votesOf(doc)
    for (const v of entry.votes) {
      if (!votes.has(v.key) && typeof v.value === 'object' && v.value !== null)
        votes.set(v.key, v.value as { value: number })
    }
    trashOf(doc).delete(nodeId)
  }, origin)
  return true
}

function restored(r: TrashedRecord): YRecord {
  const { author: _ignored, ...fields } = r.fields
  return toYRecord(r.author ? { ...fields, author: r.author } : fields)
}
