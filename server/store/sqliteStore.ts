import Database from 'better-sqlite3'
import { MapGoneError, type MapStore } from './MapStore'
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer'

/**
 * [ST7] The MapStore on the embedded SQLite file, on its own better-sqlite3
 * connection with prepared statements: the hot path (every group commit of
 * every room) never goes through Prisma's query compiler, which profiles
 * showed stalling the event loop 10–30 ms per append.
 *
 * [ST8] Appends made in one turn of the event loop (the persist queues of all
 * rooms fire on a shared tick, see `persistQueue.ts`) are committed together
 * in one transaction, at the end of that turn (`setImmediate`): one commit
 * for every room's pending updates instead of one per room.
 *
 * The file's schema is Prisma's (same tables, same columns, ISO timestamps
 * as Prisma's adapter writes them), so Prisma reads what this store wrote.
 * Every statement is synchronous; with [DU4]'s 5 ms busy timeout a locked
 * file fails the whole tick's transaction at once and each room's queue
 * retries its own batch ([DU1]).
 */
export interface SqliteStore extends MapStore {
  /** Flushes what is queued and closes; the checkpoint worker makes one last pass. */
  close(): Promise<void>
  readonly checkpointer: WalCheckpointer
}

interface PendingAppend {
  mapId: string
  updates: Uint8Array[]
  resolve(head: number): void
  reject(err: unknown): void
}

/** Prisma's better-sqlite3 adapter writes DateTime as ISO 8601 with an explicit offset. */
const prismaTimestamp = (d: Date) => d.toISOString().replace('Z', '+00:00')

export function createSqliteStore(
  url: string,
  options: { busyTimeoutMs: number; checkpointEveryMs?: number; onError?: (message: string) => void },
): SqliteStore {
  if (!url.startsWith('file:')) throw new Error(`the SQLite store needs a file: URL (got ${url.split(':')[0]}:)`)
  const file = url.replace(/^file:/, '')
  const db = new Database(file, { timeout: options.busyTimeoutMs })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  // [DU1] A deleted map must fail its append (MapGoneError), as it does through Prisma.
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${options.busyTimeoutMs}`)
  // [ST9] Checkpoints happen in a worker thread, never inside a commit on the event loop.
  db.pragma('wal_autocheckpoint = 0')
  const checkpointer = startWalCheckpointer(file, {
    busyTimeoutMs: options.busyTimeoutMs,
    everyMs: options.checkpointEveryMs,
    onError: options.onError,
  })

  const insert = db.prepare<[string, Buffer, string]>(
    'INSERT INTO "DocUpdate" ("mapId", "data", "createdAt") VALUES (?, ?, ?)',
  )
  const snapshotOf = db.prepare<[string]>('SELECT "data", "upToId" FROM "DocSnapshot" WHERE "mapId" = ?')
  const rowsOf = db.prepare<[string]>('SELECT "id", "data" FROM "DocUpdate" WHERE "mapId" = ? ORDER BY "id" ASC')
  const countOf = db.prepare<[string]>('SELECT COUNT(*) AS "n" FROM "DocUpdate" WHERE "mapId" = ?')
  const moveSnapshot = db.prepare<[Buffer, number, string, string, number]>(
    'UPDATE "DocSnapshot" SET "data" = ?, "upToId" = ?, "updatedAt" = ? WHERE "mapId" = ? AND "upToId" < ?',
  )
  const hasSnapshot = db.prepare<[string]>('SELECT 1 FROM "DocSnapshot" WHERE "mapId" = ?')
  const newSnapshot = db.prepare<[string, Buffer, number, string]>(
    'INSERT INTO "DocSnapshot" ("mapId", "data", "upToId", "updatedAt") VALUES (?, ?, ?, ?)',
  )
  const foldRows = db.prepare<[string, number]>('DELETE FROM "DocUpdate" WHERE "mapId" = ? AND "id" <= ?')
  const dropRows = db.prepare<[string]>('DELETE FROM "DocUpdate" WHERE "mapId" = ?')
  const dropSnapshot = db.prepare<[string]>('DELETE FROM "DocSnapshot" WHERE "mapId" = ?')

  let queued: PendingAppend[] = []
  let scheduled = false

  /** Inserts one append's rows; a map deleted meanwhile fails only its own rows (the statement rolls back, the transaction goes on). */
  function insertAll(p: PendingAppend, at: string): number | MapGoneError {
    let head = 0
    try {
      for (const data of p.updates)
        head = Number(
          insert.run(p.mapId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), at).lastInsertRowid,
        )
      return head
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new MapGoneError(p.mapId)
      throw err
    }
  }

  const commitTick = db.transaction((batch: PendingAppend[]) => {
    const at = prismaTimestamp(new Date())
    return batch.map((p) => insertAll(p, at))
  })

  function commit(): void {
    scheduled = false
    const batch = queued
    queued = []
    let outcomes: Array<number | MapGoneError>
    try {
      outcomes = commitTick(batch)
    } catch (err) {
      // Locked, full, read-only: nothing of this tick was written; every queue retries its own batch.
      for (const p of batch) p.reject(err)
      return
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!
      if (outcome instanceof MapGoneError) p.reject(outcome)
      else p.resolve(outcome)
    })
  }

  const readDoc = db.transaction((mapId: string) => {
    const snapshot = snapshotOf.get(mapId) as { data: Buffer; upToId: number } | undefined
    const rows = rowsOf.all(mapId) as Array<{ id: number; data: Buffer }>
    return { snapshot, rows }
  })

  const compactDoc = db.transaction((mapId: string, data: Buffer, upTo: number) => {
    const at = prismaTimestamp(new Date())
    // [ST6] Only a snapshot that covers more may replace the current one.
    if (moveSnapshot.run(data, upTo, at, mapId, upTo).changes === 0) {
      if (hasSnapshot.get(mapId)) return
      newSnapshot.run(mapId, data, upTo, at)
    }
    foldRows.run(mapId, upTo)
  })

  const dropDoc = db.transaction((mapId: string) => {
    dropRows.run(mapId)
    dropSnapshot.run(mapId)
  })

  return {
    async load(mapId) {
      const { snapshot, rows } = readDoc(mapId)
      const updates = rows.map((r) => new Uint8Array(r.data))
      if (snapshot) updates.unshift(new Uint8Array(snapshot.data))
      return { updates, head: Math.max(snapshot?.upToId ?? 0, rows.at(-1)?.id ?? 0) }
    },
    append(mapId, updates) {
      return new Promise<number>((resolve, reject) => {
        queued.push({ mapId, updates, resolve, reject })
        if (scheduled) return
        scheduled = true
        setImmediate(commit)
      })
    },
    async compact(mapId, snapshot, upTo) {
      compactDoc(mapId, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), upTo)
    },
    async logLength(mapId) {
      return (countOf.get(mapId) as { n: number }).n
    },
    async drop(mapId) {
      dropDoc(mapId)
    },
    checkpointer,
    async close() {
      if (queued.length > 0) commit()
      db.close()
      await checkpointer.stop()
    },
  }
}
