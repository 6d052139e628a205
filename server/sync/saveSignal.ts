import type { Awareness } from 'y-protocols/awareness'

/**
 * What a room tells its clients in its own voice. The stock y-websocket
 * client understands only sync, awareness and auth messages, so the signals
 * ride in awareness, under the server's own clientID:
 * - [DU2] `unsavedSince` while edits wait for the store (absent while saving);
 * - [CM7] `comments`, a revision that grows whenever the map's comments
 *   change, so every open editor fetches them again (comments live in the
 *   database, not in the doc; the server stays their authority).
 * With neither there is no state at all (nothing on the wire in the normal
 * case). The state has no `user`, so presence ignores it.
 */
export interface ServerAwareness {
  server: { unsavedSince?: number; comments?: number }
}

/** Who owns the server's awareness clientID ([PS5]): no connection can claim it. */
export const SERVER_AWARENESS_OWNER = '@server'

function publish(awareness: Awareness, patch: Partial<ServerAwareness['server']>): void {
  const current = (awareness.getLocalState() as ServerAwareness | null)?.server ?? {}
  const next: ServerAwareness['server'] = { ...current, ...patch }
  for (const key of Object.keys(next) as Array<keyof typeof next>) if (next[key] === undefined) delete next[key]
  awareness.setLocalState(Object.keys(next).length === 0 ? null : ({ server: next } satisfies ServerAwareness))
}

export function publishSaveState(awareness: Awareness, unsavedSince: number | null): void {
  publish(awareness, { unsavedSince: unsavedSince ?? undefined })
}

/** [CM7] A new comments revision: above the last one, and above the clock so other instances' stay comparable. */
export function publishCommentsChanged(awareness: Awareness, now = Date.now()): void {
  const last = (awareness.getLocalState() as ServerAwareness | null)?.server?.comments ?? 0
  publish(awareness, { comments: Math.max(last + 1, now) })
}

/** The server's own awareness changes stay on this instance: another instance's clients save through it. */
export const isServerAwarenessOrigin = (origin: unknown) => origin === 'local'
