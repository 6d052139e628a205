import * as Y from 'yjs'
import type { Contributor } from '@/core/graph'
import type { Phase } from '@/core/permissions'
import { applyGuarded, type GuardOutcome, type Writer } from '@/server/sync/updateGuard'

/**
 * The server's doc and its update guard in-process, for deterministic and
 * property tests: people edit their own replicas, the test decides when
 * their updates reach the server, and a refused person reloads (a fresh doc,
 * hence a fresh clientID), as the editor does after close code 4409.
 */
export interface GuardedPerson {
  readonly writer: Writer
  doc: Y.Doc
}

export function writer(
  userId: string,
  opts: { owner?: boolean; ownWork?: boolean; group?: string; phase?: Phase | null; review?: boolean } = {},
): Writer {
  const contributor: Contributor = {
    userId,
    name: userId.toUpperCase(),
    color: '#336699',
    ...(opts.group ? { group: opts.group } : {}),
  }
  return {
    userId,
    owner: opts.owner ?? false,
    ownWork: opts.ownWork ?? false,
    contributor,
    phase: opts.phase ?? null,
    review: opts.review ?? false,
  }
}

export function guardedRoom() {
  const server = new Y.Doc()
  return {
    server,
    join(w: Writer): GuardedPerson {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
      return { writer: w, doc }
    },
    /** Brings a person's replica up to the server's state. */
    pull(p: GuardedPerson): void {
      Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(p.doc)))
    },
    /**
     * Runs `edit` on the person's replica and sends the resulting update to the
     * server's guard. On a refusal the person reloads from the server.
     */
    act(p: GuardedPerson, edit: (doc: Y.Doc) => void): GuardOutcome {
      this.pull(p)
      const before = Y.encodeStateVector(p.doc)
      edit(p.doc)
      const update = Y.encodeStateAsUpdate(p.doc, before)
      const outcome = applyGuarded(server, update, p.writer, p)
      if (!outcome.ok) {
        p.doc.destroy()
        p.doc = new Y.Doc()
        this.pull(p)
      }
      return outcome
    },
    /** Sends raw bytes as this person (a hostile client builds its own). */
    send(p: GuardedPerson, update: Uint8Array): GuardOutcome {
      return applyGuarded(server, update, p.writer, p)
    },
  }
}
