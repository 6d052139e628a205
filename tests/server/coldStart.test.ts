import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph, updateNode } from '@/core/ydoc'
import { createMemoryStore } from '@/server/store/memoryStore'
import { connectClient, eventually, startSyncServer, type Client } from '../../harness/syncHarness'

/**
 * [SY10] Opening a map nobody has open: the first person is sent the stored
 * state before the room builds its doc, is synced with all of it, and is not
 * sent the map a second time in answer to its own SyncStep1.
 */
const me = localOrigin()
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A map stored as a used one is: a first state of `n` nodes, then `edits` rows. */
async function storedMap(n: number, edits: number) {
  const store = createMemoryStore()
  const doc = new Y.Doc()
  for (let i = 0; i < n; i++)
    addNode(
      doc,
      { id: `n${i}`, kind: 'claim', text: `claim number ${i} with a few words`, x: i, y: 0, pinned: false },
      me,
    )
  const first = Y.encodeStateAsUpdate(doc)
  await store.append('m', [first])
  const rows: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => rows.push(u))
  for (let i = 0; i < edits; i++) updateNode(doc, `n${i}`, { text: `edited ${i}` }, me)
  for (const row of rows) await store.append('m', [row])
  return { store, doc, bytes: first.byteLength + rows.reduce((b, r) => b + r.byteLength, 0) }
}

function receivedBytes(client: Client): () => number {
  let bytes = 0
  const ws = client.provider.ws as unknown as {
    addEventListener(type: 'message', fn: (e: { data: ArrayBuffer }) => void): void
  }
  ws.addEventListener('message', (e) => (bytes += e.data.byteLength))
  return () => bytes
}

test('[SY10] the first person into a cold map is synced with everything stored, and sent the map once', async () => {
  const { store, doc, bytes } = await storedMap(300, 20)
  const srv = await startSyncServer(store)
  cleanups.push(() => srv.stop())
  const first = connectClient(srv.url, 'm')
  cleanups.push(() => first.destroy())
  const received = receivedBytes(first)
  await first.synced
  // At `synced` already: the later rows reached the client before the base they build on.
  expect(readGraph(first.doc)).toEqual(readGraph(doc))
  // A round trip through the room: its answer to the client's SyncStep1 has been sent by now.
  const second = connectClient(srv.url, 'm')
  cleanups.push(() => second.destroy())
  await second.synced
  addNode(first.doc, { id: 'after', kind: 'claim', text: 'after', x: 0, y: 0, pinned: false }, me)
  await eventually(() => readGraph(second.doc).nodes.some((n) => n.id === 'after'), 'relay after the cold start')
  expect(received()).toBeGreaterThan(bytes)
  expect(received()).toBeLessThan(bytes * 1.3)
})

test('[SY10][SY5] a client with offline edits opening a cold map gets the map and gives its edits', async () => {
  const { store, doc } = await storedMap(50, 5)
  const srv = await startSyncServer(store)
  cleanups.push(() => srv.stop())
  const offline = new Y.Doc()
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc))
  addNode(offline, { id: 'offline', kind: 'claim', text: 'written offline', x: 0, y: 0, pinned: false }, me)
  const returning = connectClient(srv.url, 'm', offline)
  cleanups.push(() => returning.destroy())
  await returning.synced
  const other = connectClient(srv.url, 'm')
  cleanups.push(() => other.destroy())
  await other.synced
  await eventually(() => readGraph(other.doc).nodes.some((n) => n.id === 'offline'), 'the offline edit reaches others')
  expect(readGraph(other.doc).nodes).toHaveLength(51)
  expect(readGraph(returning.doc)).toEqual(readGraph(other.doc))
})
