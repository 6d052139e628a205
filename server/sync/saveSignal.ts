import type { Awareness } from 'y-protocols/awareness'

/**
 * [DU2] How a room tells its clients it is not saving. The stock y-websocket
 * client understands only sync, awareness and auth messages, so the signal
 * rides in awareness, under the server's own clientID: no state while saving
 * (nothing on the wire in the normal case), `{ server: { unsavedSince } }`
 * while edits wait for the store. It has no `user`, so presence ignores it.
 */
export interface ServerAwareness {
  server: { unsavedSince: number }
}

/** Who owns the server's awareness clientID ([PS5]): no connection can claim it. */
export const SERVER_AWARENESS_OWNER = '@server'

export function publishSaveState(awareness: Awareness, unsavedSince: number | null): void {
  awareness.setLocalState(unsavedSince === null ? null : ({ server: { unsavedSince } } satisfies ServerAwareness))
}

/** The server's own awareness changes stay on this instance: another instance's clients save through it. */
export const isServerAwarenessOrigin = (origin: unknown) => origin === 'local'
