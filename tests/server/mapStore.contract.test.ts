import { afterAll, describe, expect, test } from 'vitest'
import fs from 'node:fs'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { MapGoneError, type MapStore } from '@/server/store/MapStore'
import { createMemoryStore } from '@/server/store/memoryStore'
import { createPrismaStore } from '@/server/store/prismaStore'
import { createSqliteStore } from '@/server/store/sqliteStore'
import { createDb } from '@/server/db/client'
import { freshSqliteDb } from '../../harness/db'
import { freshPostgresDb } from '../../harness/postgres'

const me = localOrigin()
const disposers: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const d of disposers) await d()
})

/** The map rows a store may need before it accepts updates (Prisma enforces the foreign key). */
type Fixture = { store: MapStore; createMap(id: string): Promise<void>; deleteMap?(id: string): Promise<void> }

/** One PostgreSQL database for the file; each test's maps get their own ids there. */
let postgres: Promise<{ url: string; db: ReturnType<typeof createDb> }> | undefined
function sharedPostgres() {
  return (postgres ??= freshPostgresDb().then((pg) => {
    const db = createDb(pg.url)
    disposers.push(async () => {
      await db.$disconnect()
      await pg.dispose()
    })
    return { url: pg.url, db }
  }))
}
let pgRun = 0

const implementations: Record<string, () => Fixture | Promise<Fixture>> = {
  memory: () => ({ store: createMemoryStore(), createMap: async () => {} }),
  sqlite: () => {
    const t = freshSqliteDb()
    const store = createSqliteStore(t.url, { busyTimeoutMs: 5 })
    disposers.push(async () => store.close())
    disposers.push(t.dispose)
    return {
      store,
      createMap: async (id) => void (await t.db.map.create({ data: { id, title: id } })),
      deleteMap: async (id) => void (await t.db.map.delete({ where: { id } })),
    }
  },
  'sqlite through prisma': () => {
    const t = freshSqliteDb()
    disposers.push(t.dispose)
    return {
      store: createPrismaStore(t.db),
      createMap: async (id) => void (await t.db.map.create({ data: { id, title: id } })),
      deleteMap: async (id) => void (await t.db.map.delete({ where: { id } })),
    }
  },
  postgres: async () => {
    const { db } = await sharedPostgres()
    // Map ids are per test on one database: a prefix keeps tests apart, as separate files do on SQLite.
    const prefix = `t${++pgRun}-`
    const inner = createPrismaStore(db)
    const store: MapStore = {
      load: (id) => inner.load(prefix + id),
      append: (id, u) => inner.append(prefix + id, u),
      compact: (id, s, upTo) => inner.compact(prefix + id, s, upTo),
      logLength: (id) => inner.logLength(prefix + id),
      drop: (id) => inner.drop(prefix + id),
    }
    return {
      store,
      createMap: async (id) => void (await db.map.create({ data: { id: prefix + id, title: id } })),
      deleteMap: async (id) => void (await db.map.delete({ where: { id: prefix + id } })),
    }
  },
}

function updateAdding(id: string): Uint8Array {
  const doc = new Y.Doc()
  addNode(doc, { id, kind: 'claim', text: id, x: 0, y: 0, pinned: false }, me)
  return Y.encodeStateAsUpdate(doc)
}

function replay(updates: Uint8Array[]): string[] {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return readGraph(doc).nodes.map((n) => n.id)
}

describe.each(Object.keys(implementations))('MapStore contract: %s', (name) => {
  const make = implementations[name]!

  test('[ST1] an unknown map loads empty', async () => {
    const { store } = await make()
    expect(await store.load('nope')).toEqual({ updates: [], head: 0 })
  })

  test('[ST2] appended updates load back in order with a growing head', async () => {
    const { store, createMap } = await make()
    await createMap('m')
    const h1 = await store.append('m', [updateAdding('a')])
    const h2 = await store.append('m', [updateAdding('b'), updateAdding('c')])
    expect(h2).toBeGreaterThan(h1)
    const loaded = await store.load('m')
    expect(loaded.head).toBe(h2)
    expect(loaded.updates).toHaveLength(3)
    expect(replay(loaded.updates)).toEqual(['a', 'b', 'c'])
  })

  test('[ST3] compaction keeps the content and updates appended after the cut', async () => {
    const { store, createMap } = await make()
    await createMap('m')
    await store.append('m', [updateAdding('a'), updateAdding('b')])
    const { updates, head } = await store.load('m')
    await store.append('m', [updateAdding('late')])
    await store.compact('m', Y.mergeUpdates(updates), head)
    const after = await store.load('m')
    expect(after.updates).toHaveLength(2)
    expect(replay(after.updates)).toEqual(['a', 'b', 'late'])
    expect(await store.logLength('m')).toBe(1)
  })

  test('[ST4] maps are isolated and drop removes one map only', async () => {
    const { store, createMap } = await make()
    await createMap('x')
    await createMap('y')
    await store.append('x', [updateAdding('x1')])
    await store.append('y', [updateAdding('y1')])
    await store.drop('x')
    expect((await store.load('x')).updates).toEqual([])
    expect(replay((await store.load('y')).updates)).toEqual(['y1'])
  })

  test('[ST5] a snapshot-only doc reports the snapshot position as head', async () => {
    const { store, createMap } = await make()
    await createMap('m')
    await store.append('m', [updateAdding('a')])
    const { updates, head } = await store.load('m')
    await store.compact('m', Y.mergeUpdates(updates), head)
    const after = await store.load('m')
    expect(after.head).toBe(head)
    expect(replay(after.updates)).toEqual(['a'])
  })

  test('[ST6] a compaction with an older cut never replaces a newer snapshot', async () => {
    const { store, createMap } = await make()
    await createMap('m')
    await store.append('m', [updateAdding('a')])
    const older = await store.load('m')
    await store.append('m', [updateAdding('b')])
    const newer = await store.load('m')
    await store.compact('m', Y.mergeUpdates(newer.updates), newer.head)
    await store.compact('m', Y.mergeUpdates(older.updates), older.head)
    expect(replay((await store.load('m')).updates)).toEqual(['a', 'b'])
  })
})

// Only stores that know which maps exist can tell a deleted map from a failing disk.
describe.each(['sqlite', 'sqlite through prisma', 'postgres'])('MapStore contract, stores with maps: %s', (name) => {
  const make = implementations[name]!

  test('[DU1] an append to a deleted map fails with MapGoneError (the one failure never retried)', async () => {
    const { store, createMap, deleteMap } = await make()
    await createMap('m')
    await store.append('m', [updateAdding('a')])
    await deleteMap!('m')
    await expect(store.append('m', [updateAdding('b')])).rejects.toBeInstanceOf(MapGoneError)
  })
})

/**
 * Commits recorded in a SQLite write-ahead log: frames of the current salt
 * whose header gives a database size (only a transaction's last frame does).
 */
function walCommits(walFile: string): number {
  if (!fs.existsSync(walFile)) return 0
  const wal = fs.readFileSync(walFile)
  if (wal.length < 32) return 0
  const pageSize = wal.readUInt32BE(8)
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)]
  let commits = 0
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break
    if (wal.readUInt32BE(at + 4) !== 0) commits++
  }
  return commits
}

describe('SQLite store on prepared statements', () => {
  test('[ST8] appends from many maps in one turn of the event loop commit in one transaction, and a deleted map fails alone', async () => {
    const t = freshSqliteDb()
    disposers.push(t.dispose)
    const store = createSqliteStore(t.url, { busyTimeoutMs: 5 })
    disposers.push(async () => store.close())
    const ids = Array.from({ length: 20 }, (_, i) => `m${i}`)
    for (const id of ids) await t.db.map.create({ data: { id, title: id } })
    await t.db.map.delete({ where: { id: 'm7' } })
    const before = walCommits(`${t.file}-wal`)
    const outcomes = await Promise.allSettled(ids.map((id) => store.append(id, [updateAdding(`${id}-node`)])))
    expect(walCommits(`${t.file}-wal`) - before).toBe(1)
    expect(outcomes.map((o) => o.status)).toEqual(ids.map((id) => (id === 'm7' ? 'rejected' : 'fulfilled')))
    expect((outcomes[7] as PromiseRejectedResult).reason).toBeInstanceOf(MapGoneError)
    for (const id of ids.filter((id) => id !== 'm7'))
      expect(replay((await store.load(id)).updates)).toEqual([`${id}-node`])
    // What the store wrote, Prisma reads (same tables, same timestamp format).
    const rows = await t.db.docUpdate.findMany({ where: { mapId: 'm3' } })
    expect(rows).toHaveLength(1)
    expect(Math.abs(rows[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000)
  })

  test('[ST8][DU1] a locked file fails the whole tick at once, and the same appends succeed once it is free', async () => {
    const t = freshSqliteDb()
    disposers.push(t.dispose)
    const store = createSqliteStore(t.url, { busyTimeoutMs: 5 })
    disposers.push(async () => store.close())
    for (const id of ['a', 'b']) await t.db.map.create({ data: { id, title: id } })
    const locker = new Database(t.file)
    disposers.push(async () => void locker.close())
    locker.exec('BEGIN EXCLUSIVE')
    const started = performance.now()
    const locked = await Promise.allSettled(['a', 'b'].map((id) => store.append(id, [updateAdding(`${id}1`)])))
    expect(performance.now() - started).toBeLessThan(500)
    expect(locked.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    locker.exec('COMMIT')
    await Promise.all(['a', 'b'].map((id) => store.append(id, [updateAdding(`${id}1`)])))
    expect(replay((await store.load('a')).updates)).toEqual(['a1'])
    expect(replay((await store.load('b')).updates)).toEqual(['b1'])
  })
})
