/**
 * Where map documents live. The database is the source of truth; a server's
 * memory only caches. Every update is appended; `compact` folds a prefix of
 * the log into one snapshot without losing updates appended meanwhile.
 */
export interface StoredDoc {
  /** Snapshot first (if any), then later updates in append order. */
  updates: Uint8Array[]
  /** Position of the last update returned; 0 for an empty log. */
  head: number
}

/**
 * [DU1] Thrown by `append` when the map no longer exists (deleted meanwhile):
 * the one failure that is never retried, since there is nothing to save to.
 */
export class MapGoneError extends Error {
  constructor(mapId: string) {
    super(`map ${mapId} no longer exists`)
    this.name = 'MapGoneError'
  }
}

export interface MapStore {
  load(mapId: string): Promise<StoredDoc>
  /** Appends updates in order and returns the new head. */
  append(mapId: string, updates: Uint8Array[]): Promise<number>
  /** Replaces everything up to and including `upTo` by `snapshot`. */
  compact(mapId: string, snapshot: Uint8Array, upTo: number): Promise<void>
  /** How many rows the log holds beyond the snapshot (compaction trigger). */
  logLength(mapId: string): Promise<number>
  /** Deletes the document entirely. */
  drop(mapId: string): Promise<void>
}
