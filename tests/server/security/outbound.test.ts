import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { addNode, localOrigin } from '@/core/ydoc'
import { DEFAULT_RATE_LIMIT } from '@/server/sync/budget'
import { DEFAULT_MAX_SOCKETS_PER_PERSON } from '@/server/sync/SyncServer'
import {
  connectRaw,
  handshake,
  queryAwarenessFrame,
  syncStep1Frame,
  tryConnect,
  type RawClient,
} from '../../support/rawClient'
import { eventually } from '../../../harness/syncHarness'
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

/**
 * [PB4] [PB6] What one connection can make the server send, and how many
 * connections one person can hold: a 4-byte request must not bring back the
 * whole map without bound, and one person cannot open sockets without limit.
 */
let srv: RealServer
let owner: Person
let mallory: Person
const cleanups: Array<() => unknown> = []
const me = localOrigin()

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Owner')
  mallory = await person(srv.services, 'Mallory')
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => srv.stop())

const countOf = (client: RawClient, type: 'sync-step2' | 'awareness') =>
  client.received.filter((m) => m.type === type).length

async function malloryIn(mapId: string): Promise<RawClient> {
  const m = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, mallory, mapId, 'editor'),
  })
  cleanups.push(() => m.close())
  return m
}

describe('outbound budget', () => {
  test('[PB4] repeated SyncStep1 asking for the whole map is answered until the reply budget is spent, then closed with 4429', async () => {
    const mapId = await privateMap(srv.services, owner, [[mallory, 'editor']])
    const a = await honestClient(srv, owner, mapId, 'owner')
    cleanups.push(() => a.destroy())
    // About 190 KB of map: each empty-state-vector SyncStep1 (4 bytes) asks for all of it.
    for (let i = 0; i < 40; i++)
      addNode(
        a.doc,
        { id: `n${i}`, kind: 'claim', text: `${i} ${'words '.repeat(800)}`, x: 0, y: 0, pinned: false },
        me,
      )
    await converged(await serverDoc(srv, mapId), a.doc, 'map written')
    const m = await malloryIn(mapId)
    await handshake(m)
    const mapBytes = (await m.waitFor('sync-step2')).update.byteLength
    expect(mapBytes).toBeGreaterThan(150_000)
    for (let i = 0; i < 250 && m.isOpen; i++) m.send(syncStep1Frame())
    expect(await m.closed).toEqual({ code: 4429, reason: 'too much requested' })
    // The handshake (free), then at most one window's budget (two if the flood straddled a window boundary).
    const replies = countOf(m, 'sync-step2') - 1
    expect(replies).toBeGreaterThan(0)
    expect(replies).toBeLessThanOrEqual(Math.ceil((2 * DEFAULT_RATE_LIMIT.replyBytesPerSecond) / mapBytes))
  })

  test('[PB4] an honest resync (its own state vector) costs next to nothing and is never refused', async () => {
    const mapId = await privateMap(srv.services, owner, [[mallory, 'editor']])
    const a = await honestClient(srv, owner, mapId, 'owner')
    cleanups.push(() => a.destroy())
    for (let i = 0; i < 40; i++)
      addNode(a.doc, { id: `n${i}`, kind: 'claim', text: 'words '.repeat(800), x: 0, y: 0, pinned: false }, me)
    await converged(await serverDoc(srv, mapId), a.doc, 'map written')
    const m = await malloryIn(mapId)
    await handshake(m)
    for (let i = 0; i < 100; i++) m.send(syncStep1Frame(m.doc))
    await eventually(() => countOf(m, 'sync-step2') === 101, 'every resync answered')
    expect(m.isOpen).toBe(true)
  })

  test('[PB4] repeated query-awareness in a busy room is closed with 4429 once its replies pass the budget', async () => {
    const mapId = (await srv.services.maps.create({ title: 'Busy room', ownerId: owner.id, publicRole: 'editor' })).id
    // 20 people with 2 KB states: each query brings back ~40 KB.
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(srv.services, `P${i}`)))
    const clients = await Promise.all(people.map((p) => honestClient(srv, p, mapId, 'editor')))
    cleanups.push(() => clients.forEach((c) => c.destroy()))
    clients.forEach((c, i) => c.provider.awareness.setLocalStateField('note', `${i} ${'x'.repeat(2000)}`))
    const m = await malloryIn(mapId)
    await handshake(m)
    await eventually(() => m.received.some((x) => x.type === 'awareness' && x.states.size >= 20), 'all 20 states seen')
    const before = countOf(m, 'awareness')
    for (let i = 0; i < 280 && m.isOpen; i++) m.send(queryAwarenessFrame())
    expect(await m.closed).toEqual({ code: 4429, reason: 'too much requested' })
    const answered = countOf(m, 'awareness') - before
    // ~40 KB each: 2 MiB a second is ~50; far fewer than the 280 asked for.
    expect(answered).toBeLessThan(140)
  })
})

describe('sockets per person', () => {
  test(`[PB6] one person holds at most ${DEFAULT_MAX_SOCKETS_PER_PERSON} sockets on a map; the next upgrade is refused with 429 until one closes`, async () => {
    const mapId = await privateMap(srv.services, owner, [[mallory, 'editor']])
    const token = await tokenFor(srv.services, mallory, mapId, 'editor')
    const open: RawClient[] = []
    for (let i = 0; i < DEFAULT_MAX_SOCKETS_PER_PERSON; i++) open.push(await malloryIn(mapId))
    const over = await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token })
    expect(over.ok).toBe(false)
    if (!over.ok) expect(over.status).toBe(429)
    // Someone else is not affected by Mallory's cap.
    const other = await tryConnect(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, owner, mapId, 'owner'),
    })
    expect(other.ok).toBe(true)
    if (other.ok) other.client.close()
    cleanups.push(() => open.forEach((c) => c.close()))
    open[0]!.close()
    await open[0]!.closed
    // The server sees the close a moment after the client does: poll for the freed slot.
    let again: Awaited<ReturnType<typeof tryConnect>> | undefined
    for (let i = 0; i < 50 && !again?.ok; i++) {
      again = await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token })
      if (!again.ok) await new Promise((r) => setTimeout(r, 50))
    }
    expect(again?.ok).toBe(true)
    if (again?.ok) again.client.close()
  })
})
