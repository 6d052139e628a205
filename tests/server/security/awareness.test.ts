import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { colorFor } from '@/core/presence/colors'
import { awarenessFrame, connectRaw, handshake, type RawClient } from '../../support/rawClient'
import { eventually, type Client } from '../../../harness/syncHarness'
import { honestClient, person, privateMap, startRealServer, tokenFor, type Person, type RealServer } from './realServer'

/**
 * [PS5] Awareness (presence, cursors) is bound to the first clientID a
 * connection announces, capped in size, and its `user` field always comes
 * from the token. A hostile connection cannot move, rename, recolour or
 * remove anyone else's cursor, nor impersonate someone with its own.
 */
let srv: RealServer
let owner: Person
let alice: Person
let mallory: Person
let watcher: Person
const cleanups: Array<() => unknown> = []

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Owner')
  alice = await person(srv.services, 'Alice')
  mallory = await person(srv.services, 'Mallory')
  watcher = await person(srv.services, 'Watcher')
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => srv.stop())

interface Scene {
  mapId: string
  /** Honest, with a cursor. */
  a: Client
  /** Honest, only watching what everyone's presence looks like. */
  w: Client
  /** Hostile, speaking raw protocol. */
  m: RawClient
  /** Mallory's own clientID; the first awareness entry she sends binds it. */
  mine: number
  /** Sends a marker from Mallory's own clientID and waits until the watcher sees it: everything she sent before was handled. */
  barrier(): Promise<void>
}

async function scene(malloryRole: 'viewer' | 'editor'): Promise<Scene> {
  const mapId = await privateMap(srv.services, owner, [
    [alice, 'editor'],
    [mallory, malloryRole],
    [watcher, 'viewer'],
  ])
  const a = await honestClient(srv, alice, mapId, 'editor')
  const w = await honestClient(srv, watcher, mapId, 'viewer')
  cleanups.push(
    () => a.destroy(),
    () => w.destroy(),
  )
  a.provider.awareness.setLocalState({ cursor: { x: 1, y: 2 }, user: { name: 'Alice (client says)' } })
  const aliceId = a.doc.clientID
  await eventually(
    () => (w.provider.awareness.getStates().get(aliceId) as { cursor?: unknown } | undefined)?.cursor !== undefined,
    "watcher sees Alice's cursor",
  )

  const m = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, mallory, mapId, malloryRole),
  })
  cleanups.push(() => m.close())
  await handshake(m)
  const mine = 424242
  let clock = 1
  m.send(awarenessFrame([{ clientId: mine, clock: clock++, state: JSON.stringify({ cursor: { x: 0, y: 0 } }) }]))
  await eventually(() => w.provider.awareness.getStates().has(mine), "watcher sees Mallory's own presence")
  let marker = 0
  return {
    mapId,
    a,
    w,
    m,
    mine,
    async barrier() {
      const tag = ++marker
      m.send(awarenessFrame([{ clientId: mine, clock: 1000 + tag, state: JSON.stringify({ marker: tag }) }]))
      await eventually(
        () => (w.provider.awareness.getStates().get(mine) as { marker?: number } | undefined)?.marker === tag,
        'marker relayed',
      )
    },
  }
}

const aliceAsSeenBy = (s: Scene) =>
  s.w.provider.awareness.getStates().get(s.a.doc.clientID) as Record<string, unknown> | undefined
const aliceIdentity = () => ({ id: alice.id, name: 'Alice', color: colorFor(alice.id) })

describe.each(['viewer', 'editor'] as const)('awareness from a hostile %s', (role) => {
  test("[PS5] the server overwrites an honest client's self-declared user with its token identity", async () => {
    const s = await scene(role)
    expect(aliceAsSeenBy(s)).toEqual({ cursor: { x: 1, y: 2 }, user: aliceIdentity() })
  })

  test("[PS5] moving, renaming or removing someone else's cursor is ignored", async () => {
    const s = await scene(role)
    const target = s.a.doc.clientID
    const fake = (clock: number, state: unknown) =>
      awarenessFrame([{ clientId: target, clock, state: JSON.stringify(state) }])
    s.m.send(fake(10_000, { cursor: { x: 666, y: 666 }, user: { name: 'Alice', color: '#000000' } }))
    s.m.send(fake(10_001, { user: { id: alice.id, name: 'Alice is a fraud' } }))
    s.m.send(awarenessFrame([{ clientId: target, clock: 10_002, state: 'null' }]))
    // Smuggled behind Mallory's own entry in one frame.
    s.m.send(
      awarenessFrame([
        { clientId: s.mine, clock: 50, state: '{}' },
        { clientId: target, clock: 10_003, state: JSON.stringify({ cursor: { x: -1, y: -1 } }) },
      ]),
    )
    await s.barrier()
    expect(aliceAsSeenBy(s)).toEqual({ cursor: { x: 1, y: 2 }, user: aliceIdentity() })
    // Alice's view of her peers: Mallory under her own name, no second Alice. (The watcher never set a
    // state, and a clock-0 state is not broadcast by y-protocols, so it does not appear.)
    const peers = [...s.a.provider.awareness.getStates()].filter(([id]) => id !== target)
    expect(peers.map(([, st]) => (st as { user?: { name?: string } }).user)).toEqual([
      { id: mallory.id, name: 'Mallory', color: colorFor(mallory.id) },
    ])
  })

  test("[PS5] a fresh connection cannot bind someone else's clientID with its very first frame", async () => {
    const s = await scene(role)
    const target = s.a.doc.clientID
    const fresh = await connectRaw(srv.wsBase, s.mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, mallory, s.mapId, role),
    })
    cleanups.push(() => fresh.close())
    fresh.send(
      awarenessFrame([{ clientId: target, clock: 99_999, state: JSON.stringify({ cursor: { x: 666, y: 666 } }) }]),
    )
    fresh.send(awarenessFrame([{ clientId: target, clock: 100_000, state: 'null' }]))
    await s.barrier()
    expect(aliceAsSeenBy(s)).toEqual({ cursor: { x: 1, y: 2 }, user: aliceIdentity() })
    // Leaving must not take Alice's presence with it either.
    fresh.close()
    await fresh.closed
    await s.barrier()
    expect(aliceAsSeenBy(s)).toEqual({ cursor: { x: 1, y: 2 }, user: aliceIdentity() })
  })

  test('[PS5] while its owner is briefly offline, a clientID cannot be taken over', async () => {
    const s = await scene(role)
    const target = s.a.doc.clientID
    s.a.provider.disconnect()
    await eventually(() => !s.w.provider.awareness.getStates().has(target), "Alice's presence gone while offline")
    const thief = await connectRaw(srv.wsBase, s.mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, mallory, s.mapId, role),
    })
    cleanups.push(() => thief.close())
    thief.send(
      awarenessFrame([{ clientId: target, clock: 99_999, state: JSON.stringify({ cursor: { x: 666, y: 666 } }) }]),
    )
    await s.barrier()
    expect(s.w.provider.awareness.getStates().has(target)).toBe(false)
    s.a.provider.connect()
    await eventually(() => s.a.provider.wsconnected, 'Alice reconnected')
    // The server bumped Alice's awareness clock when she left, so her re-announcement only counts once her
    // clock passes it: moving the cursor twice does that (a real editor moves it on every mouse move).
    s.a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 3 })
    s.a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 4 })
    await eventually(
      () => (aliceAsSeenBy(s)?.cursor as { y?: number } | undefined)?.y === 4,
      'Alice back with her own cursor',
    )
    expect(aliceAsSeenBy(s)).toEqual({ cursor: { x: 1, y: 4 }, user: aliceIdentity() })
  })

  test('[PS5] a connection speaks only for the first clientID it announced', async () => {
    const s = await scene(role)
    const other = s.mine + 1
    s.m.send(awarenessFrame([{ clientId: other, clock: 1, state: JSON.stringify({ cursor: { x: 5, y: 5 } }) }]))
    await s.barrier()
    expect(s.w.provider.awareness.getStates().has(other)).toBe(false)
  })

  test('[PS5] its own presence carries its token identity, whatever name and colour it claims', async () => {
    const s = await scene(role)
    s.m.send(
      awarenessFrame([
        {
          clientId: s.mine,
          clock: 500,
          state: JSON.stringify({ cursor: { x: 3, y: 4 }, user: { id: owner.id, name: 'Owner', color: '#ff0000' } }),
        },
      ]),
    )
    await eventually(
      () => (s.w.provider.awareness.getStates().get(s.mine) as { cursor?: { x: number } } | undefined)?.cursor?.x === 3,
      'spoofed state relayed',
    )
    expect(s.w.provider.awareness.getStates().get(s.mine)).toEqual({
      cursor: { x: 3, y: 4 },
      user: { id: mallory.id, name: 'Mallory', color: colorFor(mallory.id) },
    })
  })

  test('[PS5] oversized or non-object states are dropped, the connection stays up', async () => {
    const s = await scene(role)
    s.m.send(
      awarenessFrame([
        { clientId: s.mine, clock: 600, state: JSON.stringify({ cursor: { x: 9, y: 9 }, junk: 'x'.repeat(5000) }) },
      ]),
    )
    s.m.send(awarenessFrame([{ clientId: s.mine, clock: 601, state: '[1,2,3]' }]))
    s.m.send(awarenessFrame([{ clientId: s.mine, clock: 602, state: '{"not json' }]))
    s.m.send(awarenessFrame([{ clientId: s.mine, clock: 603, state: '"a string"' }]))
    await s.barrier()
    const seen = s.w.provider.awareness.getStates().get(s.mine) as Record<string, unknown>
    expect(seen.junk).toBeUndefined()
    expect(seen.cursor).toBeUndefined()
    expect(s.m.isOpen).toBe(true)
  })

  test('[PS5] closing the hostile socket removes only its own presence', async () => {
    const s = await scene(role)
    s.m.close()
    await eventually(() => !s.w.provider.awareness.getStates().has(s.mine), "Mallory's presence removed")
    expect(aliceAsSeenBy(s)).toEqual({ cursor: { x: 1, y: 2 }, user: aliceIdentity() })
  })
})

describe('[PS10] requests to everyone', () => {
  test('[PS10] only owners can ask everyone to follow them or look at a node; an editor’s request is removed', async () => {
    const mapId = await privateMap(srv.services, owner, [
      [alice, 'editor'],
      [watcher, 'viewer'],
    ])
    const o = await honestClient(srv, owner, mapId, 'owner')
    const a = await honestClient(srv, alice, mapId, 'editor')
    const w = await honestClient(srv, watcher, mapId, 'viewer')
    cleanups.push(
      () => o.destroy(),
      () => a.destroy(),
      () => w.destroy(),
    )
    const seen = (c: Client) => (w.provider.awareness.getStates().get(c.doc.clientID) ?? {}) as Record<string, unknown>

    a.provider.awareness.setLocalState({
      cursor: { x: 1, y: 1 },
      summon: { at: 1 },
      spotlight: { id: 'n-1', at: 1 },
      view: { x: 0, y: 0, zoom: 1 },
    })
    await eventually(() => seen(a).cursor !== undefined, 'the watcher sees the editor')
    expect(seen(a).summon).toBeUndefined()
    expect(seen(a).spotlight).toBeUndefined()
    expect(seen(a).view).toEqual({ x: 0, y: 0, zoom: 1 }) // sharing one's own view stays allowed

    o.provider.awareness.setLocalState({ cursor: null, summon: { at: 2 }, spotlight: { id: 'n-1', at: 2 } })
    await eventually(() => seen(o).summon !== undefined, "the watcher sees the owner's request")
    expect(seen(o).spotlight).toEqual({ id: 'n-1', at: 2 })
  })
})
