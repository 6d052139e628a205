import { afterAll, beforeAll, expect, test } from 'vitest'
import * as Y from 'yjs'
import { STORAGE_ORIGIN, addNode, localOrigin, readGraph, updateNode } from '@/core/ydoc'
import { freshPostgresDb, REDIS_URL } from '../../harness/postgres'
import { eventually } from '../../harness/syncHarness'
import { honestClient, person, privateMap, startRealServer, type RealServer } from './security/realServer'
import { claim } from '../support/graph'

/**
 * [SO1]–[SO4] Two instances of the sync server on one PostgreSQL database,
 * sharing live traffic through Redis: people connected to different
 * instances edit one map together.
 */
const me = localOrigin()

let db: Awaited<ReturnType<typeof freshPostgresDb>>
let a: RealServer
let b: RealServer
const env = () => ({ DATABASE_URL: db.url, REDIS_URL, AUTH_SECRET: 'scale-out-secret-shared-by-all-instances!!' })

beforeAll(async () => {
  db = await freshPostgresDb()
  a = await startRealServer(env())
  b = await startRealServer(env())
}, 60_000)

afterAll(async () => {
  await a?.stop()
  await b?.stop()
  await db?.dispose()
})

test("[SO1] clients on different instances see each other's edits and presence", async () => {
  const owner = await person(a.services, 'Owner')
  const guest = await person(a.services, 'Guest')
  const mapId = await privateMap(a.services, owner, [[guest, 'editor']])
  const onA = await honestClient(a, owner, mapId, 'owner')
  const onB = await honestClient(b, guest, mapId, 'editor')
  try {
    addNode(onA.doc, claim('from-a', 'written on instance A'), me)
    addNode(onB.doc, claim('from-b', 'written on instance B'), me)
    await eventually(
      () => readGraph(onA.doc).nodes.length === 2 && readGraph(onB.doc).nodes.length === 2,
      'cross-instance edits',
    )
    expect(readGraph(onA.doc)).toEqual(readGraph(onB.doc))

    onA.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    const names = () =>
      [...onB.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name)
    await eventually(() => names().includes('Owner'), 'presence across instances')
  } finally {
    onA.destroy()
    onB.destroy()
  }
})

test('[SO2] a role change made on one instance closes the socket held by the other', async () => {
  const owner = await person(a.services, 'Owner')
  const student = await person(a.services, 'Student')
  const mapId = await privateMap(a.services, owner, [[student, 'editor']])
  const onB = await honestClient(b, student, mapId, 'editor')
  const closes: number[] = []
  onB.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code))
  try {
    const result = await a.services.access.setRole(mapId, student.id, 'viewer')
    expect(result.ok).toBe(true)
    await eventually(() => closes.includes(4501), 'role-change close on instance B')
  } finally {
    onB.destroy()
  }
})

test('[SO3] what was written through either instance is in the database for a third', async () => {
  const owner = await person(a.services, 'Owner')
  const mapId = await privateMap(a.services, owner)
  const onB = await honestClient(b, owner, mapId, 'owner')
  addNode(onB.doc, claim('kept', 'persisted by B'), me)
  await eventually(() => b.services.sync.rooms.live(mapId) !== undefined, 'room open')
  await (await b.services.sync.rooms.live(mapId)!).flush()
  onB.destroy()

  const c = await startRealServer(env())
  try {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await c.services.maps.snapshot(mapId))
    expect(readGraph(doc).nodes.map((n) => n.text)).toEqual(['persisted by B'])
  } finally {
    await c.stop()
  }
})

test('[SO4] an edit the bus never delivered is healed from the database', async () => {
  const owner = await person(a.services, 'Owner')
  const mapId = await privateMap(a.services, owner)
  const onA = await honestClient(a, owner, mapId, 'owner')
  const onB = await honestClient(b, owner, mapId, 'owner')
  try {
    // A persists an edit but its publish to Redis is lost (storage origin is never published).
    const roomA = await a.services.sync.rooms.live(mapId)!
    const fork = new Y.Doc()
    Y.applyUpdate(fork, Y.encodeStateAsUpdate(roomA.doc))
    const before = Y.encodeStateVector(fork)
    addNode(fork, claim('lost', 'never published'), me)
    const lost = Y.encodeStateAsUpdate(fork, before)
    await a.services.store.append(mapId, [lost])
    Y.applyUpdate(roomA.doc, lost, STORAGE_ORIGIN)
    await eventually(() => readGraph(onA.doc).nodes.length === 1, 'client on A has the node')
    expect(readGraph(onB.doc).nodes).toEqual([])

    // An edit of that node does travel; B cannot place it without the lost one, notices, and re-reads the store.
    updateNode(onA.doc, 'lost', { text: 'edited after the gap' }, me)
    await eventually(() => readGraph(onB.doc).nodes[0]?.text === 'edited after the gap', 'gap healed on B', 8000)
    expect(readGraph(onB.doc)).toEqual(readGraph(onA.doc))
  } finally {
    onA.destroy()
    onB.destroy()
  }
})
