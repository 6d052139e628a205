import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { unsavedSinceIn } from '@/components/map/hooks/useUnsavedSince'
import { readiness } from '@/server/app/health'
import { createDb } from '@/server/db/client'
import { createPrismaStore } from '@/server/store/prismaStore'
import { eventually } from '../../harness/syncHarness'
import { honestClient, person, privateMap, startRealServer, type RealServer } from './security/realServer'
import { claim } from '../support/graph'

/**
 * [DU4] A real SQLite file, write-locked by another connection (as a backup,
 * a migration or a stray `sqlite3` shell would): the server's event loop must
 * not wait on it, every room keeps relaying, HTTP keeps answering, clients
 * are told edits are not saved, and everything is saved once it is released.
 */
const me = localOrigin()
const nodeIds = (doc: Y.Doc) =>
  readGraph(doc)
    .nodes.map((n) => n.id)
    .sort()

let srv: RealServer | undefined
afterEach(async () => {
  await srv?.stop()
  srv = undefined
})

test('[DU4][DU1][DU2] a locked SQLite file freezes no room and no request, is signalled, and loses nothing', async () => {
  srv = await startRealServer()
  const server = srv
  const owner = await person(server.services)
  const [mapA, mapB] = [await privateMap(server.services, owner), await privateMap(server.services, owner)]
  const writerA = await honestClient(server, owner, mapA, 'owner')
  const watcherA = await honestClient(server, owner, mapA, 'owner')
  const writerB = await honestClient(server, owner, mapB, 'owner')
  const watcherB = await honestClient(server, owner, mapB, 'owner')
  const file = server.services.env.DATABASE_URL.replace(/^file:/, '')
  const locker = new Database(file)
  try {
    locker.exec('BEGIN EXCLUSIVE')
    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    const expected: string[] = []
    for (let i = 0; i < 20; i++) {
      addNode(writerA.doc, claim(`a${i}`), me)
      addNode(writerB.doc, claim(`b${i}`), me)
      expected.push(`a${i}`, `b${i}`)
      await new Promise((r) => setTimeout(r, 40))
    }
    // Both rooms keep relaying while nothing can be written.
    await eventually(
      () => nodeIds(watcherA.doc).length === 20 && nodeIds(watcherB.doc).length === 20,
      'relay during the lock',
    )
    await eventually(
      () => unsavedSinceIn(watcherA.provider.awareness.getStates()) !== null,
      '"not saved" reaches clients',
    )
    expect(unsavedSinceIn(watcherB.provider.awareness.getStates())).not.toBeNull()

    const started = Date.now()
    const report = await readiness(server.services)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(
      report.rooms
        .filter((r) => r.unsavedSince !== null)
        .map((r) => r.mapId)
        .sort(),
    ).toEqual([mapA, mapB].sort())
    expect(Math.max(...report.rooms.map((r) => r.lagMs))).toBeGreaterThan(0)
    // HTTP on the same event loop answers at once (with busy_timeout 5000 each append stalled it for 5 s).
    const t0 = Date.now()
    expect((await fetch(`${server.origin}/anything`)).status).toBe(404)
    expect(Date.now() - t0).toBeLessThan(1000)
    loop.disable()
    expect(loop.max / 1e6).toBeLessThan(1000)

    locker.exec('COMMIT')
    await eventually(
      () => unsavedSinceIn(watcherA.provider.awareness.getStates()) === null,
      '"not saved" clears',
      15_000,
    )
    await eventually(
      () => unsavedSinceIn(watcherB.provider.awareness.getStates()) === null,
      '"not saved" clears on B',
      15_000,
    )

    // A fresh reader of the file (another process would see the same) has every edit.
    const reader = createDb(server.services.env.DATABASE_URL)
    try {
      const store = createPrismaStore(reader)
      const fromDisk = new Y.Doc()
      for (const id of [mapA, mapB]) for (const u of (await store.load(id)).updates) Y.applyUpdate(fromDisk, u)
      expect(nodeIds(fromDisk)).toEqual(expected.sort())
    } finally {
      await reader.$disconnect()
    }
  } finally {
    if (locker.inTransaction) locker.exec('ROLLBACK')
    locker.close()
    for (const c of [writerA, watcherA, writerB, watcherB]) c.destroy()
  }
}, 60_000)
