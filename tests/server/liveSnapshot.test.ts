import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import type { MapStore } from '@/server/store/MapStore'
import { createMemoryStore } from '@/server/store/memoryStore'
import type { RoomBus } from '@/server/sync/bus'
import type { PersistOptions } from '@/server/sync/persistQueue'
import { Room } from '@/server/sync/Room'

/**
 * [DU8] Compaction snapshots the room's live doc: alone, without reading the
 * log back at all; with a bus, after applying what other instances stored.
 */
const me = localOrigin()
const options: PersistOptions = { delayMs: 1, compactAfter: 5, onError: (err) => console.error(err) }
const rooms: Room[] = []
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.close()
})

/** A memory store that counts how often the whole log was read back. */
function countingStore() {
  const inner = createMemoryStore()
  let loads = 0
  const store: MapStore = {
    ...inner,
    load: (id) => (loads++, inner.load(id)),
  }
  return { store, inner, loads: () => loads }
}

const idleBus: RoomBus = {
  instanceId: 'test',
  join: async () => async () => {},
  publish: () => {},
  onAccessChange: async () => {},
  publishAccessChange: () => {},
  ping: async () => {},
  close: async () => {},
}

function claim(doc: Y.Doc, id: string): void {
  addNode(doc, { id, kind: 'claim', text: id, x: 0, y: 0, pinned: false }, me)
}

async function storedNodes(store: MapStore, mapId: string): Promise<string[]> {
  const doc = new Y.Doc()
  for (const u of (await store.load(mapId)).updates) Y.applyUpdate(doc, u)
  return readGraph(doc)
    .nodes.map((n) => n.id)
    .sort()
}

test('[DU8] alone, compaction stores the live doc and never reads the log back', async () => {
  const c = countingStore()
  const room = await Room.load('m', c.store, options)
  rooms.push(room)
  expect(c.loads()).toBe(1)
  const ids = Array.from({ length: 12 }, (_, i) => `n${i}`)
  for (const id of ids) {
    claim(room.doc, id)
    await room.flush()
  }
  // Twelve appends with compactAfter 5: compacted at least twice, the log kept short.
  expect(await c.inner.logLength('m')).toBeLessThan(5)
  expect(c.loads()).toBe(1)
  expect(await storedNodes(c.inner, 'm')).toEqual([...ids].sort())
})

test('[DU8][SO4] with a bus, compaction first applies rows other instances stored, so the snapshot holds them', async () => {
  const c = countingStore()
  const room = await Room.load('m', c.store, options, idleBus)
  rooms.push(room)
  // Another instance's edit reached the database but never this room (the bus dropped it).
  const elsewhere = new Y.Doc()
  claim(elsewhere, 'from-b')
  await c.inner.append('m', [Y.encodeStateAsUpdate(elsewhere)])
  const ids = Array.from({ length: 6 }, (_, i) => `a${i}`)
  for (const id of ids) {
    claim(room.doc, id)
    await room.flush()
  }
  expect(await c.inner.logLength('m')).toBeLessThan(5)
  expect(await storedNodes(c.inner, 'm')).toEqual(['from-b', ...ids].sort())
  // The room healed too: its clients see the edit the bus lost.
  expect(readGraph(room.doc).nodes.map((n) => n.id)).toContain('from-b')
})
