import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { addNode, localOrigin, nodesOf, readGraph, toYRecord } from '@/core/ydoc'
import {
  connectRaw,
  handshake,
  queryAwarenessFrame,
  updateFrame,
  updateOf,
  type RawClient,
} from '../../support/rawClient'
import { eventually, type Client } from '../../../harness/syncHarness'
import {
  converged,
  honestClient,
  person,
  privateMap,
  serverDoc,
  startRealServer,
  tokenFor,
  type Person,
  type RealServer,
} from './realServer'
import { claim } from '../../support/graph'

/**
 * [PS6] [PS7] [PS8]: abusive traffic closes the abuser's own socket and
 * nothing else. Each test checks both halves: the bad socket's close code,
 * and an honest pair of clients that keeps syncing afterwards.
 */
const MAX_MESSAGE_BYTES = 4096
const me = localOrigin()

let srv: RealServer
let owner: Person
let alice: Person
let bob: Person
let mallory: Person
const cleanups: Array<() => unknown> = []

beforeAll(async () => {
  srv = await startRealServer({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) })
  owner = await person(srv.services, 'Owner')
  alice = await person(srv.services, 'Alice')
  bob = await person(srv.services, 'Bob')
  mallory = await person(srv.services, 'Mallory')
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => srv.stop())

async function scene(): Promise<{ mapId: string; a: Client; b: Client; m: RawClient }> {
  const mapId = await privateMap(srv.services, owner, [
    [alice, 'editor'],
    [bob, 'editor'],
    [mallory, 'editor'],
  ])
  const a = await honestClient(srv, alice, mapId, 'editor')
  const b = await honestClient(srv, bob, mapId, 'editor')
  cleanups.push(
    () => a.destroy(),
    () => b.destroy(),
  )
  const m = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, mallory, mapId, 'editor'),
  })
  cleanups.push(() => m.close())
  await handshake(m)
  return { mapId, a, b, m }
}

/** The honest pair still syncs through the server, both ways, and the server holds the same. */
async function stillSyncing(mapId: string, a: Client, b: Client, tag: string): Promise<void> {
  const id = tag.replace(/[^A-Za-z0-9]/g, '_')
  addNode(a.doc, claim(`a-${id}`, `from Alice ${tag}`), me)
  addNode(b.doc, claim(`b-${id}`, `from Bob ${tag}`), me)
  await converged(a.doc, b.doc, `honest clients converge after ${tag}`)
  await converged(await serverDoc(srv, mapId), a.doc, `server holds the honest edits after ${tag}`)
  const texts = readGraph(a.doc).nodes.map((n) => n.text)
  expect(texts).toContain(`from Alice ${tag}`)
  expect(texts).toContain(`from Bob ${tag}`)
}

describe('abusive traffic', () => {
  test('[PS7] a frame over MAX_MESSAGE_BYTES closes that socket with 1009; the others keep syncing', async () => {
    const { mapId, a, b, m } = await scene()
    // Written past the schema (a hostile client does not run our zod checks): only the size matters here.
    const big = updateOf((d) =>
      nodesOf(d).set('huge', toYRecord({ ...claim('huge', ''), text: 'x'.repeat(MAX_MESSAGE_BYTES * 2) })),
    )
    m.send(updateFrame(big))
    expect((await m.closed).code).toBe(1009)
    await stillSyncing(mapId, a, b, 'oversized')
    expect(readGraph(a.doc).nodes.some((n) => n.id === 'huge')).toBe(false)
    expect(readGraph(await serverDoc(srv, mapId)).nodes.some((n) => n.id === 'huge')).toBe(false)
  })

  test('[PS7] a frame just under the limit is accepted (the limit is the limit, not lower)', async () => {
    const { mapId, m } = await scene()
    const fits = updateOf((d) => addNode(d, claim('fits', 'y'.repeat(MAX_MESSAGE_BYTES - 400)), me))
    const frame = updateFrame(fits)
    expect(frame.byteLength).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
    m.send(frame)
    const server = await serverDoc(srv, mapId)
    await eventually(() => readGraph(server).nodes.some((n) => n.id === 'fits'), 'frame under the limit applied')
    expect(m.isOpen).toBe(true)
  })

  test('[PS8] a text (non-binary) frame closes that socket with 4400', async () => {
    const { mapId, a, b, m } = await scene()
    m.ws.send('hello')
    expect(await m.closed).toEqual({ code: 4400, reason: 'binary frames only' })
    await stillSyncing(mapId, a, b, 'text frame')
  })

  test.each([
    ['an unknown message type', new Uint8Array([42])],
    ['a truncated sync frame', new Uint8Array([0, 1])],
    ['a length prefix far beyond the frame', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])],
    ['an unknown sync step', new Uint8Array([0, 9, 1, 0])],
    ['an empty frame', new Uint8Array([])],
  ])('[PS8] %s closes that socket with 4400; the others keep syncing', async (_what, bytes) => {
    const { mapId, a, b, m } = await scene()
    m.send(bytes)
    expect((await m.closed).code).toBe(4400)
    await stillSyncing(mapId, a, b, 'malformed')
  })

  test('[PS8] an update that is not a valid Yjs update closes that socket with 4400 and changes nothing', async () => {
    const { mapId, a, b, m } = await scene()
    const server = await serverDoc(srv, mapId)
    const before = JSON.stringify(readGraph(server))
    // A plausible header (1 struct group, client 7, clock 0) followed by junk.
    m.send(updateFrame(new Uint8Array([1, 1, 7, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 9, 9, 9])))
    expect((await m.closed).code).toBe(4400)
    expect(JSON.stringify(readGraph(server))).toBe(before)
    await stillSyncing(mapId, a, b, 'garbage update')
  })

  test('[PS8] a SyncStep1 whose state vector is garbage closes that socket with 4400; the server and the others carry on', async () => {
    const { mapId, a, b, m } = await scene()
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      // Sync, step 1, then a length-prefixed "state vector" that claims 5 clients and ends.
      m.send(new Uint8Array([0, 0, 2, 5, 0xff]))
      expect((await m.closed).code).toBe(4400)
      await stillSyncing(mapId, a, b, 'garbage state vector')
      expect(rejections).toEqual([])
      // The broken peer left the room: only the two honest peers remain.
      expect((await srv.services.sync.rooms.live(mapId))!.peerCount).toBe(2)
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })

  test('[PS6] more messages per second than the budget closes that socket with 4429; the others keep syncing', async () => {
    const { mapId, a, b, m } = await scene()
    // Cheap frames: only the count matters. The default budget is 300 per second.
    for (let i = 0; i < 1000 && m.isOpen; i++) m.send(queryAwarenessFrame())
    expect(await m.closed).toEqual({ code: 4429, reason: 'too many messages' })
    await stillSyncing(mapId, a, b, 'flood')
  })

  test('[PS6] the budget is per connection: a second socket of the same person is unaffected', async () => {
    const { mapId, m } = await scene()
    const calm = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, mallory, mapId, 'editor'),
    })
    cleanups.push(() => calm.close())
    await handshake(calm)
    for (let i = 0; i < 1000 && m.isOpen; i++) m.send(queryAwarenessFrame())
    expect((await m.closed).code).toBe(4429)
    calm.send(updateFrame(updateOf((d) => addNode(d, claim('calm', 'sent by a calm socket'), me))))
    const server = await serverDoc(srv, mapId)
    await eventually(() => readGraph(server).nodes.some((n) => n.id === 'calm'), 'calm socket still writes')
    expect(calm.isOpen).toBe(true)
  })
})
