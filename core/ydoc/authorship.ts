import * as Y from 'yjs'
import { ContributorSchema, type Contributor, type MapCredits } from '../graph'
import type { Origin } from './origins'
import { authorsOf, nodesOf, recordEntries, relationsOf, type YRecord } from './shape'
import type { EntryRef } from './touches'

/**
 * Who wrote what, read from Yjs item ids: a record's creator is the clientID
 * of the item holding it, its last editor the clientID of the item holding
 * its `editedAt` value. The server binds clientIDs to people in the
 * `authors` root ([PA1]) and refuses any update that writes there, so these
 * names cannot be forged by a client. The times (`createdAt`, `editedAt`)
 * are client-written fields: a clock reading, attributed but not verified.
 *
 * A record restored from the trash carries `author`, the userId of its
 * original creator, which only an owner may write ([PA6]).
 */

export interface Authorship {
  createdBy?: Contributor
  createdAt?: number
  editedBy?: Contributor
  editedAt?: number
  /** Set when the record was restored: its item is the restorer's, `createdBy` the original author. */
  restoredBy?: Contributor
}

/** [PA1] The person the server bound `clientId` to, if any. */
export function authorOfClient(doc: Y.Doc, clientId: number): Contributor | undefined {
  const raw = authorsOf(doc).get(String(clientId))
  if (typeof raw !== 'object' || raw === null) return undefined
  // A Y.Map hands back the same object until the entry is replaced: each binding is checked once, not at
  // every update its person sends (the server asks this for every update it judges).
  let parsed = checkedAuthors.get(raw)
  if (!parsed) checkedAuthors.set(raw, (parsed = ContributorSchema.safeParse(raw)))
  return parsed.success ? parsed.data : undefined
}

const checkedAuthors = new WeakMap<object, ReturnType<typeof ContributorSchema.safeParse>>()

/** Server only: binds clientIDs to the person who first wrote with them (clients cannot write here, [PA2]). */
export function bindAuthors(doc: Y.Doc, clientIds: readonly number[], who: Contributor, origin: Origin): void {
  const valid = ContributorSchema.parse(who)
  doc.transact(() => {
    for (const id of clientIds) authorsOf(doc).set(String(id), { ...valid })
  }, origin)
}

/** Everyone the server bound, by userId (one person may write from several tabs, hence several clientIDs). */
export function contributors(doc: Y.Doc): Map<string, Contributor> {
  const out = new Map<string, Contributor>()
  for (const raw of authorsOf(doc).values()) {
    const parsed = ContributorSchema.safeParse(raw)
    if (parsed.success) out.set(parsed.data.userId, parsed.data)
  }
  return out
}

/** The userId that owns an entry for the own-work policy: the original author of a restored record, else its creator. */
export function entryAuthor(
  doc: Y.Doc,
  entry: EntryRef,
  boundTo: (clientId: number) => string | undefined = (c) => authorOfClient(doc, c)?.userId,
): string | null {
  if (entry.value instanceof Y.Map) {
    const restored = entry.value.get('author')
    if (typeof restored === 'string') return restored
  }
  return boundTo(entry.client) ?? null
}

function clientOf(value: unknown): number | undefined {
  return (value as { _item?: Y.Item | null } | undefined)?._item?.id.client
}

function recordAuthorship(doc: Y.Doc, record: YRecord, people: Map<string, Contributor>): Authorship {
  const out: Authorship = {}
  const creatorClient = clientOf(record)
  const creator = creatorClient === undefined ? undefined : authorOfClient(doc, creatorClient)
  const restored = record.get('author')
  if (typeof restored === 'string') {
    out.createdBy = people.get(restored) ?? { userId: restored, name: 'someone', color: '#888888' }
    if (creator) out.restoredBy = creator
  } else if (creator) out.createdBy = creator
  const createdAt = record.get('createdAt')
  if (typeof createdAt === 'number') out.createdAt = createdAt
  const editedItem = record._map.get('editedAt')
  const editedAt = record.get('editedAt')
  if (editedItem && typeof editedAt === 'number') {
    out.editedAt = editedAt
    const editor = authorOfClient(doc, editedItem.id.client)
    if (editor) out.editedBy = editor
  }
  return out
}

/** Authorship of every node and relation, by record id. */
export function readAuthorship(doc: Y.Doc): Map<string, Authorship> {
  const people = contributors(doc)
  const out = new Map<string, Authorship>()
  for (const map of [nodesOf(doc), relationsOf(doc)]) {
    for (const [id, record] of recordEntries(map)) out.set(id, recordAuthorship(doc, record, people))
  }
  return out
}

/** Authorship as plain data for the exports: the people, and who made and last edited each record. */
export function readCredits(doc: Y.Doc): MapCredits {
  const records: MapCredits['records'] = {}
  for (const [id, a] of readAuthorship(doc)) {
    const entry: MapCredits['records'][string] = {}
    if (a.createdBy) entry.createdBy = a.createdBy.userId
    if (a.createdAt !== undefined) entry.createdAt = a.createdAt
    if (a.editedBy) entry.editedBy = a.editedBy.userId
    if (a.editedAt !== undefined) entry.editedAt = a.editedAt
    if (Object.keys(entry).length > 0) records[id] = entry
  }
  const people = [...contributors(doc).values()].sort((a, b) =>
    a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0,
  )
  return { people, records }
}
