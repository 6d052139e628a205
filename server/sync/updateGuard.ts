import * as Y from 'yjs'
import type { Contributor } from '../../core/graph'
import { judgeUpdate, type Actor } from '../../core/permissions'
import {
  SYSTEM_ORIGIN,
  authorOfClient,
  bindAuthors,
  entryAuthor,
  nodesOf,
  putInTrash,
  relationsOf,
  scanUpdate,
  trashEntriesFor,
} from '../../core/ydoc'

/**
 * [PA1]–[PA9] The server's check of one update from one person, before it is
 * applied: what it touches is resolved against the room's doc
 * (core/ydoc/touches.ts) and judged record by record
 * (core/permissions/contributions.ts). An accepted update is applied between
 * the server's own writes: the binding of new clientIDs to this person
 * before it, the trash entries of the nodes it deleted after it (both with
 * the server's clientID, so every peer and the store get them like any edit).
 */

export interface Writer extends Actor {
  /** Recorded with each clientID this person writes with. */
  contributor: Contributor
}

export type GuardOutcome = { ok: true } | { ok: false; malformed: boolean; reason: string }

export function applyGuarded(
  doc: Y.Doc,
  update: Uint8Array,
  writer: Writer,
  origin: unknown,
  now = Date.now(),
): GuardOutcome {
  const scan = scanUpdate(doc, update)
  if (!scan.ok) return scan
  // One lookup per clientID per update: an update touches a few records by a few people.
  // Methods, not arrows: tsx (`npm start`) names each arrow with a defineProperty call, for every update.
  const bound = new Map<number, string | undefined>()
  const verdict = judgeUpdate(scan, writer, {
    boundTo(client) {
      if (!bound.has(client)) bound.set(client, authorOfClient(doc, client)?.userId)
      return bound.get(client)
    },
    // The server's own clientID is never a client's, even before the server has written with it.
    hasHistory(client) {
      return client === doc.clientID || Y.getState(doc.store, client) > 0
    },
    authorOf(entry) {
      return entryAuthor(doc, entry, (client) => this.boundTo(client))
    },
    live(root, key) {
      return (root === 'nodes' ? nodesOf(doc) : relationsOf(doc)).has(key)
    },
  })
  if (!verdict.ok) return { ok: false, malformed: false, reason: verdict.reason }
  const deletedNodes = new Set<string>()
  for (const t of scan.touches) {
    if (t.op === 'delete' && t.root === 'nodes' && t.field === null && t.key !== null && t.entry?.live)
      deletedNodes.add(t.key)
  }
  // Captured before the deletion lands: afterwards the records are gone.
  const trash = deletedNodes.size > 0 ? trashEntriesFor(doc, [...deletedNodes], writer.contributor, now) : []
  // The binding goes first, in a transaction of its own (it reaches the writer too: it is new to it). Not in
  // one with the edit: Yjs marks a transaction that applied an update as remote, and a remote transaction that
  // wrote under the doc's own clientID as a clash, so the server would pick a new clientID (and log a warning)
  // at every person's first edit. Both updates still reach the store as one row (the group commit merges them).
  if (verdict.bind.length > 0) bindAuthors(doc, verdict.bind, writer.contributor, SYSTEM_ORIGIN)
  Y.applyUpdate(doc, update, origin)
  putInTrash(doc, trash, SYSTEM_ORIGIN)
  return { ok: true }
}
