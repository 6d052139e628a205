/**
 * Who made a transaction. UndoManager tracks only the local origin object,
 * so undo never reverts someone else's change; the server tags what arrives
 * over a socket or from storage so it never echoes those back.
 */
export type Origin =
  | { kind: 'local'; label: string }
  | { kind: 'connection'; connectionId: string }
  | { kind: 'storage' }
  | { kind: 'system'; label: string }

export function localOrigin(label = 'me'): Origin {
  return { kind: 'local', label }
}

export const STORAGE_ORIGIN: Origin = { kind: 'storage' }
export const SYSTEM_ORIGIN: Origin = { kind: 'system', label: 'system' }
