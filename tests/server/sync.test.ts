import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { problems } from '@/core/graph'
import { addNode, addRelation, localOrigin, readGraph, removeNodes } from '@/core/ydoc'
import { createMemoryStore } from '@/server/store/memoryStore'
import { connectClient, eventually, startSyncServer, type Client } from '../../harness/syncHarness'
import { claim } from '../support/graph'

const me = localOrigin()

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
function track(c: Client): Client {
  cleanups.push(() => c.destroy())
  return c
}

describe('sync server with stock y-websocket clients', () => {
  test('[SY1] two clients converge', async () => {
    const srv = await startSyncServer(createMemoryStore())
    cleanups.push(() => srv.stop())
    const a = track(connectClient(srv.url, 'm1'))
    const b = track(connectClient(srv.url, 'm1'))
    await Promise.all([a.synced, b.synced])
    addNode(a.doc, claim('c1', 'Belarus is a balcony'), me)
    addNode(b.doc, claim('c2', 'Neutrality is affordable'), me)
    addRelation(b.doc, { id: 'r1', kind: 'attacks', source: 'c2', target: 'c1' }, me)
    await eventually(
      () => readGraph(a.doc).relations.length === 1 && readGraph(b.doc).nodes.length === 2,
      'convergence',
    )
    expect(readGraph(a.doc)).toEqual(readGraph(b.doc))
    expect(problems(readGraph(a.doc))).toEqual([])
  })

  test('[SY3] a client that joins later gets the full state', async () => {
    const srv = await startSyncServer(createMemoryStore())
    cleanups.push(() => srv.stop())
    const a = track(connectClient(srv.url, 'm2'))
    await a.synced
    for (let i = 0; i < 20; i++) addNode(a.doc, claim(`n${i}`), me)
    const late = track(connectClient(srv.url, 'm2'))
    await late.synced
    await eventually(() => readGraph(late.doc).nodes.length === 20, 'late joiner state')
    expect(readGraph(late.doc)).toEqual(readGraph(a.doc))
  })

  test('[SY4] nothing persisted is lost across a server restart on the same store', async () => {
    const store = createMemoryStore()
    const first = await startSyncServer(store)
    const a = connectClient(first.url, 'm3')
    await a.synced
    addNode(a.doc, claim('kept', 'survives restarts'), me)
    // Another client seeing the node means the server has applied it; stopping must then persist it.
    const observer = connectClient(first.url, 'm3')
    await eventually(() => readGraph(observer.doc).nodes.length === 1, 'the server has the node')
    observer.destroy()
    a.destroy()
    await first.stop()

    const second = await startSyncServer(store)
    cleanups.push(() => second.stop())
    const b = track(connectClient(second.url, 'm3'))
    await b.synced
    expect(readGraph(b.doc).nodes.map((n) => n.text)).toEqual(['survives restarts'])
  })

  test('[SY5] a client that was offline merges its edits on reconnect', async () => {
    const srv = await startSyncServer(createMemoryStore())
    cleanups.push(() => srv.stop())
    const a = track(connectClient(srv.url, 'm4'))
    const b = track(connectClient(srv.url, 'm4'))
    await Promise.all([a.synced, b.synced])
    addNode(a.doc, claim('base'), me)
    await eventually(() => readGraph(b.doc).nodes.length === 1, 'base synced')

    b.provider.disconnect()
    addNode(b.doc, claim('offline-b', 'written offline'), me)
    removeNodes(a.doc, ['base'], me)
    addNode(a.doc, claim('online-a'), me)
    // A newcomer that has received a's latest edit has everything the server holds: had b's offline
    // write leaked to the server, the newcomer would have it too.
    const newcomer = track(connectClient(srv.url, 'm4'))
    await eventually(
      () => readGraph(newcomer.doc).nodes.some((n) => n.id === 'online-a'),
      'newcomer has the online edit',
    )
    expect(readGraph(newcomer.doc).nodes.map((n) => n.id)).toEqual(['online-a'])
    expect(readGraph(a.doc).nodes.map((n) => n.id)).toEqual(['online-a'])

    b.provider.connect()
    await eventually(() => readGraph(a.doc).nodes.length === 2 && readGraph(b.doc).nodes.length === 2, 'merge')
    expect(readGraph(a.doc).nodes.map((n) => n.id)).toEqual(['offline-b', 'online-a'])
    expect(readGraph(b.doc)).toEqual(readGraph(a.doc))
  })

  test('[SY6] the first sync answer reflects the store even when loading is slow', async () => {
    const store = createMemoryStore()
    const seed = new Y.Doc()
    addNode(seed, claim('stored'), me)
    await store.append('slow', [Y.encodeStateAsUpdate(seed)])
    // The load waits until the client's socket is open and its SyncStep1 is on the way, whatever the timing.
    let releaseLoad!: () => void
    const loadGate = new Promise<void>((r) => (releaseLoad = r))
    const slowStore = { ...store, load: async (id: string) => (await loadGate, store.load(id)) }
    const srv = await startSyncServer(slowStore)
    cleanups.push(() => srv.stop())
    const c = track(connectClient(srv.url, 'slow'))
    await eventually(() => c.provider.wsconnected, 'the socket is open')
    releaseLoad()
    await c.synced
    // Synced must already include the stored node: no empty first answer.
    expect(readGraph(c.doc).nodes.map((n) => n.id)).toEqual(['stored'])
  })
})
