/**
 * Who made a transaction ([DOC4], and "Origins" in core/ydoc/SPEC.md). UndoManager tracks only
 * the local origin object, so undo never reverts someone else's change; the server tags what
 * arrives over a socket or from storage so it never echoes those back.
 */

/** What the ops in this folder are called with. */
export type Origin = { kind: 'local'; label: string } | { kind: 'storage' } | { kind: 'system'; label: string }

/**
 * What the sync server applies updates from elsewhere with: the connection that sent it (so the
 * relay skips the sender) or another instance over the bus. Ops are never called with one.
 */
export interface RemoteOrigin {
  readonly remote: 'socket' | 'bus'
}

/** Every origin a map doc's transactions carry. */
export type TransactionOrigin = Origin | RemoteOrigin

export function localOrigin(label = 'me'): Origin {
  return { kind: 'local', label }
}

export const STORAGE_ORIGIN: Origin = { kind: 'storage' }
export const SYSTEM_ORIGIN: Origin = { kind: 'system', label: 'system' }
