import * as Y from 'yjs'
import { wellFormed, wellFormedValue } from './wellFormed'

/**
 * The layout of a map inside its Y.Doc. Each node and relation is a nested
 * Y.Map so that concurrent edits to different fields (text vs. position) merge.
 *
 *   meta:      schemaVersion, title
 *   nodes:     id -> Y.Map<field, value>
 *   relations: id -> Y.Map<field, value>
 *   votes:     `${nodeId}|${userId}` -> { value, group? }
 *   authors:   String(clientID) -> { userId, name, color, group? }   written by the server only ([PA1])
 *   trash:     nodeId -> TrashEntry (core/ydoc/trash.ts)               written by the server only ([PA8])
 *
 * Authorship is read from Yjs item ids, never from a field a client wrote:
 * a record's creator is the clientID of the item holding it, bound to a
 * person in `authors` by the server that first saw that clientID write.
 */
export const SCHEMA_VERSION = 1

export type YRecord = Y.Map<unknown>

export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta')
export const nodesOf = (doc: Y.Doc) => doc.getMap<YRecord>('nodes')
export const relationsOf = (doc: Y.Doc) => doc.getMap<YRecord>('relations')
export const votesOf = (doc: Y.Doc) => doc.getMap<{ value: number; group?: string }>('votes')
export const authorsOf = (doc: Y.Doc) => doc.getMap<unknown>('authors')
export const trashOf = (doc: Y.Doc) => doc.getMap<unknown>('trash')

/** Every root a map doc may hold; a write to any other root is refused ([PA2]). */
export const ROOTS = ['meta', 'nodes', 'relations', 'votes', 'authors', 'trash'] as const
export type RootName = (typeof ROOTS)[number]

/**
 * The record stored under `id`, if it is one. Merged state is untrusted: a
 * hostile client can store any value there, and every op must survive that.
 */
export function recordOf(map: Y.Map<YRecord>, id: string): YRecord | undefined {
  return asRecord(map.get(id))
}

export function asRecord(value: unknown): YRecord | undefined {
  return value instanceof Y.Map ? value : undefined
}

/** The records of a map, skipping whatever else a merge put there. */
export function* recordEntries(map: Y.Map<YRecord>): Generator<[string, YRecord]> {
  for (const [id, value] of map.entries()) {
    const record = asRecord(value)
    if (record) yield [id, record]
  }
}

export const voteKey = (nodeId: string, userId: string) => `${nodeId}|${userId}`

export function splitVoteKey(key: string): { nodeId: string; userId: string } | null {
  const i = key.indexOf('|')
  return i <= 0 ? null : { nodeId: key.slice(0, i), userId: key.slice(i + 1) }
}

/**
 * Fields held as Y.Text, so that two people rewording one node at once both
 * keep their words (other fields are single values: the last write wins).
 * Reading is the same either way (`toJSON` gives the string), so docs written
 * before, with plain strings there, read as they did and switch on first edit.
 */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(['text'])

/** A plain object of defined fields as a Y.Map (undefined fields are left out). */
export function toYRecord(fields: object): YRecord {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined)
      m.set(k, TEXT_FIELDS.has(k) && typeof v === 'string' ? new Y.Text(wellFormed(v)) : wellFormedValue(v))
  }
  return m
}
