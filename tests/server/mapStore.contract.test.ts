import { afterAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { MapGoneError, type MapStore } from '@/server/store/MapStore'
import { createMemoryStore } from '@/server/store/memoryStore'
import { createPrismaStore } from '@/server/store/prismaStore'
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
describe.each(['sqlite', 'postgres'])('MapStore contract, stores with maps: %s', (name) => {
  const make = implementations[name]!

  test('[DU1] an append to a deleted map fails with MapGoneError (the one failure never retried)', async () => {
    const { store, createMap, deleteMap } = await make()
    await createMap('m')
    await store.append('m', [updateAdding('a')])
    await deleteMap!('m')
    await expect(store.append('m', [updateAdding('b')])).rejects.toBeInstanceOf(MapGoneError)
  })
})
