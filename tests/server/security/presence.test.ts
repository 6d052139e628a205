import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { PRESENCE_TICK_MS } from '@/server/sync/presenceRelay'
import { awarenessFrame, connectRaw, handshake } from '../../support/rawClient'
import { eventually, type Client } from '../../../harness/syncHarness'
import { honestClient, person, startRealServer, tokenFor, type Person, type RealServer } from './realServer'

/**
 * [PB1] [PB2] [PS6] Presence at classroom scale: stock clients moving their
 * cursors at the editor's rate are never closed, whatever the room size,
 * because their echoes of others' presence are free and the server relays
 * presence coalesced; a socket that floods its own states still is closed.
 */
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

interface Mover {
  client: Client
  /** Close codes the server sent this client (none for an honest one). */
  closes: number[]
  stop(): void
}

/** An editor-like stock client: moves its cursor every `intervalMs`, as usePresence does at most. */
function mover(client: Client, index: number, intervalMs: number): Mover {
  const closes: number[] = []
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push(event.code)
  })
  let n = 0
  const timer = setInterval(
    () => client.provider.awareness.setLocalStateField('cursor', { x: index, y: ++n }),
    intervalMs,
  )
  return { client, closes, stop: () => clearInterval(timer) }
}

async function publicRoom(srv: RealServer, owner: Person): Promise<string> {
  const meta = await srv.services.maps.create({ title: 'Lecture hall', ownerId: owner.id, publicRole: 'editor' })
  return meta.id
}

async function crowd(srv: RealServer, mapId: string, size: number, intervalMs: number): Promise<Mover[]> {
  const people = await Promise.all(Array.from({ length: size }, (_, i) => person(srv.services, `Student ${i}`)))
  const clients = await Promise.all(people.map((p) => honestClient(srv, p, mapId, 'editor')))
  const movers = clients.map((c, i) => mover(c, i, intervalMs))
  cleanups.push(() => {
    for (const m of movers) {
      m.stop()
      m.client.destroy()
    }
  })
  return movers
}

const cursorOf = (watcher: Client, clientId: number) =>
  (watcher.provider.awareness.getStates().get(clientId) as { cursor?: { x: number; y: number } } | undefined)?.cursor

/** Every mover's latest cursor has reached every other mover. */
async function everyoneSeesEveryone(movers: Mover[]): Promise<void> {
  for (const m of movers) m.stop()
  await eventually(
    () =>
      movers.every((watcher) =>
        movers.every((other) => {
          const own = other.client.provider.awareness.getLocalState() as { cursor?: unknown }
          return (
            other === watcher ||
            JSON.stringify(cursorOf(watcher.client, other.client.doc.clientID)) === JSON.stringify(own.cursor)
          )
        }),
      ),
    'every latest cursor relayed to everyone',
    10_000,
  )
}

describe('presence at classroom scale (default budget)', () => {
  let srv: RealServer
  let owner: Person
  beforeAll(async () => {
    srv = await startRealServer()
    owner = await person(srv.services, 'Teacher')
  })
  afterAll(() => srv.stop())

  test('[PB1] [PB2] 40 stock clients moving their cursors at 20 Hz for 10 s: nobody is closed, every cursor arrives', async () => {
    const mapId = await publicRoom(srv, owner)
    const movers = await crowd(srv, mapId, 40, 50)
    const watcher = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, owner, mapId, 'owner'),
    })
    cleanups.push(() => watcher.close())
    await handshake(watcher)
    await new Promise((r) => setTimeout(r, 1000))

    // [PB2] Coalesced: one frame per tick at most, each carrying many people's moves.
    const from = watcher.received.length
    const t0 = performance.now()
    await new Promise((r) => setTimeout(r, 9000))
    const elapsed = performance.now() - t0
    const frames = watcher.received.slice(from).filter((m) => m.type === 'awareness')
    const moves = frames.reduce((n, m) => n + (m.type === 'awareness' ? m.states.size : 0), 0)
    expect(frames.length).toBeGreaterThan(0)
    // One per tick, plus one at each edge of the window: a frame in flight when it opened, one sent as it closed.
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(elapsed / PRESENCE_TICK_MS) + 2)
    expect(moves / frames.length).toBeGreaterThan(5)

    expect(movers.flatMap((m) => m.closes)).toEqual([])
    expect(movers.every((m) => m.client.provider.wsconnected)).toBe(true)
    await everyoneSeesEveryone(movers)
  }, 60_000)

  test('[PS6] a socket flooding its own presence far beyond any UI is still closed with 4429', async () => {
    const mapId = await publicRoom(srv, owner)
    const flooder = await person(srv.services, 'Flooder')
    const m = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, flooder, mapId, 'editor'),
    })
    cleanups.push(() => m.close())
    await handshake(m)
    for (let clock = 1; clock < 2000 && m.isOpen; clock++) {
      m.send(awarenessFrame([{ clientId: 777, clock, state: JSON.stringify({ cursor: { x: clock, y: 0 } }) }]))
    }
    expect(await m.closed).toEqual({ code: 4429, reason: 'too many messages' })
  })

  test('[PB1] [PS6] replaying the echo of relayed presence is free only once per frame the server sent: a replay flood is closed', async () => {
    const mapId = await publicRoom(srv, owner)
    const [a] = await crowd(srv, mapId, 1, 1000)
    const replayer = await person(srv.services, 'Replayer')
    const m = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, replayer, mapId, 'editor'),
    })
    cleanups.push(() => m.close())
    await handshake(m)
    const id = a!.client.doc.clientID
    await eventually(
      () => m.received.some((x) => x.type === 'awareness' && x.states.has(id)),
      'a presence frame received',
    )
    // The exact entry the server relayed (clock included): a perfect echo, sent far more often than it was relayed.
    const clock = a!.client.provider.awareness.meta.get(id)!.clock
    const echo = awarenessFrame([
      { clientId: id, clock, state: JSON.stringify(a!.client.provider.awareness.getStates().get(id)) },
    ])
    for (let i = 0; i < 2000 && m.isOpen; i++) m.send(echo)
    expect((await m.closed).code).toBe(4429)
  })
})

describe('echoes are never charged (a budget too small for own moves plus echoes)', () => {
  let srv: RealServer
  let owner: Person
  beforeAll(async () => {
    // 30 a second: enough for a 20 Hz cursor, not for the 20 echoes a second a busy room adds.
    srv = await startRealServer({}, { sync: { rateLimit: { messagesPerSecond: 30 } } })
    owner = await person(srv.services, 'Teacher')
  })
  afterAll(() => srv.stop())

  test('[PB1] 10 clients at 20 Hz stay connected on a budget of 30 frames a second', async () => {
    const mapId = await publicRoom(srv, owner)
    const movers = await crowd(srv, mapId, 10, 50)
    // Wait on traffic, not time: once each of them has taken in 600 moves of the others (about three
    // seconds of a full room), echoes charged to the sender would have broken the budget several times over;
    // a socket closed for it stops receiving, so this wait fails by name.
    const seen = movers.map(() => 0)
    movers.forEach((m, i) =>
      m.client.provider.awareness.on('update', ({ updated }: { updated: number[] }, origin: unknown) => {
        if (origin !== 'local') seen[i]! += updated.filter((id) => id !== m.client.doc.clientID).length
      }),
    )
    await eventually(() => seen.every((n) => n >= 600), 'every client has taken in 600 moves of the others', 20_000)
    expect(movers.flatMap((m) => m.closes)).toEqual([])
    await everyoneSeesEveryone(movers)
  }, 30_000)
})
