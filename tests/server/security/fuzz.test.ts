import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Role } from '@/core/permissions'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { connectRaw, syncStep1Frame, type RawClient } from '../../support/rawClient'
import type { Client } from '../../../harness/syncHarness'
import { hostileFrame, type FrameRecipe } from './frameArbitraries'
import {
  converged,
  honestClient,
  person,
  privateMap,
  sameState,
  serverDoc,
  startRealServer,
  tokenFor,
  type Person,
  type RealServer,
} from './realServer'
import { claim } from '../../support/graph'

/**
 * [PS4] [PS6]–[PS8] 10,000 hostile frames over several sockets while two
 * honest editors keep writing. Afterwards: the process saw no uncaught
 * error, the server accepts a new client, and the honest clients' docs equal
 * the server's and hold exactly what the honest clients wrote.
 */
// FUZZ_FRAMES shortens a local run; the suite runs the full 10,000.
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
const SEED = 20_240_917
const me = localOrigin()
const FAMILIES = [
  'random bytes',
  'truncated valid frame',
  'valid frame with flipped bytes',
  'huge varint length',
  'unknown message type',
  'unknown sync step',
  'well-framed garbage update',
  'valid update (a write)',
  'awareness abuse',
]
const total = (counts: Map<string, number>) => [...counts.values()].reduce((x, y) => x + y, 0)

let srv: RealServer
beforeAll(async () => {
  srv = await startRealServer({ MAX_MESSAGE_BYTES: '8192' })
})
afterAll(() => srv.stop())

interface Attacker {
  who: Person
  mapId: string
  role: Role
  socket: RawClient | null
  reconnects: number
  token?: { value: string; at: number }
}

/** A fresh socket with a real token (re-minted well before its 120 s expiry). No handshake: the frames are the point. */
async function reconnect(a: Attacker): Promise<RawClient> {
  a.socket?.close()
  if (!a.token || Date.now() - a.token.at > 60_000) {
    a.token = { value: await tokenFor(srv.services, a.who, a.mapId, a.role), at: Date.now() }
  }
  a.socket = await connectRaw(srv.wsBase, a.mapId, { origin: srv.origin, token: a.token.value })
  a.reconnects++
  return a.socket
}

/**
 * Sends one frame, then a SyncStep1 as a barrier: its SyncStep2 answer (or the close) means the server has
 * handled the frame. (An awareness answer cannot be the barrier: relayed presence [PB2] arrives at any time,
 * the other attackers' included, and would count a frame as handled before it was.)
 */
async function deliver(a: Attacker, frame: Uint8Array): Promise<'open' | number> {
  const socket = a.socket?.isOpen ? a.socket : await reconnect(a)
  const from = socket.received.length
  socket.send(frame)
  // The server's own state vector: the answer is only what changed since, a few bytes.
  socket.send(syncStep1Frame(await serverDoc(srv, a.mapId)))
  const outcome = await Promise.race([
    socket.waitFor('sync-step2', 5000, from).then(() => 'open' as const),
    socket.closed.then((c) => c.code),
  ])
  return outcome
}

test(
  '[PS8] 10,000 random and malformed frames leave the server up and honest clients unaffected',
  { timeout: 300_000 },
  async () => {
    const crashes: unknown[] = []
    const onCrash = (err: unknown) => crashes.push(err)
    process.on('uncaughtException', onCrash)
    process.on('unhandledRejection', onCrash)
    const cleanups: Array<() => void> = []
    try {
      const owner = await person(srv.services, 'Owner')
      const alice = await person(srv.services, 'Alice')
      const bob = await person(srv.services, 'Bob')
      const eve = await person(srv.services, 'Eve')
      const viewer = await person(srv.services, 'Vic')
      const commenter = await person(srv.services, 'Cam')
      // The honest map: attackers here are read-only, so its content must be exactly the honest writes.
      const mapId = await privateMap(srv.services, owner, [
        [alice, 'editor'],
        [bob, 'editor'],
        [viewer, 'viewer'],
        [commenter, 'commenter'],
      ])
      // A second map where the attacker is an editor: garbage reaches the Yjs decoder itself.
      const openMapId = await privateMap(srv.services, owner, [
        [alice, 'editor'],
        [eve, 'editor'],
      ])

      const a: Client = await honestClient(srv, alice, mapId, 'editor')
      const b: Client = await honestClient(srv, bob, mapId, 'editor')
      const c: Client = await honestClient(srv, alice, openMapId, 'editor')
      cleanups.push(
        () => a.destroy(),
        () => b.destroy(),
        () => c.destroy(),
      )
      a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 })
      b.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 })

      const written: string[] = []
      let honestTick = 0
      const honestWriter = setInterval(() => {
        const who = honestTick % 2 === 0 ? a : b
        const id = `h${honestTick++}`
        addNode(who.doc, claim(id, `honest ${id}`), me)
        written.push(id)
      }, 100)
      cleanups.push(() => clearInterval(honestWriter))

      const attackers: Attacker[] = [
        { who: viewer, mapId, role: 'viewer', socket: null, reconnects: 0 },
        { who: commenter, mapId, role: 'commenter', socket: null, reconnects: 0 },
        { who: viewer, mapId, role: 'viewer', socket: null, reconnects: 0 },
        { who: eve, mapId: openMapId, role: 'editor', socket: null, reconnects: 0 },
      ]
      cleanups.push(() => attackers.forEach((x) => x.socket?.close()))
      const recipes: FrameRecipe[] = fc.sample(hostileFrame, { seed: SEED, numRuns: FRAMES })
      const victims = [a.doc.clientID, b.doc.clientID, c.doc.clientID]
      const outcomes = new Map<string, number>()
      const families = new Map<string, Map<string, number>>()

      const started = Date.now()
      await Promise.all(
        attackers.map(async (attacker, w) => {
          for (let i = w; i < recipes.length; i += attackers.length) {
            const r = recipes[i]!
            const outcome = await deliver(attacker, r.build({ victims }))
            const key = outcome === 'open' ? 'handled, socket kept' : `closed ${outcome}`
            outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
            const perFamily = families.get(r.family) ?? new Map<string, number>()
            perFamily.set(key, (perFamily.get(key) ?? 0) + 1)
            families.set(r.family, perFamily)
          }
        }),
      )
      const elapsedMs = Date.now() - started
      clearInterval(honestWriter)
      console.info(
        `[fuzz] ${FRAMES} frames in ${elapsedMs} ms, ${attackers.reduce((n, x) => n + x.reconnects, 0)} connections;`,
        Object.fromEntries(outcomes),
        Object.fromEntries([...families].map(([f, o]) => [f, Object.fromEntries(o)])),
      )

      // Every family of hostile frame reached the server, often enough to mean something.
      expect([...families.keys()].sort()).toEqual([...FAMILIES].sort())
      for (const [family, byOutcome] of families) {
        expect(total(byOutcome), family).toBeGreaterThanOrEqual(FRAMES / 50)
      }
      const share = (family: string, outcome: (key: string) => boolean) => {
        const byOutcome = families.get(family)!
        return total(new Map([...byOutcome].filter(([k]) => outcome(k)))) / total(byOutcome)
      }
      // [PS8] Frames that cannot be parsed close their socket (a few random ones happen to parse).
      for (const family of ['random bytes', 'truncated valid frame', 'unknown sync step', 'unknown message type']) {
        expect(
          share(family, (k) => k === 'closed 4400'),
          family,
        ).toBeGreaterThan(0.9)
      }
      // [PS4] A well-formed write keeps its socket: a viewer's is refused, an editor's applied. (One in a few
      // hundred used to close: an awareness barrier answered by relayed presence charged an earlier frame's close
      // to a later one. With the SyncStep1 barrier none has; the margin stays for a loaded machine.)
      expect(share('valid update (a write)', (k) => k === 'handled, socket kept')).toBeGreaterThan(0.95)
      // [PS5] Bad presence is dropped, not fatal: apart from oversized frames [PS7], only the rare state
      // that y-protocols cannot apply at all closes its socket (3 in 10,000 in one run).
      expect(share('awareness abuse', (k) => k === 'handled, socket kept' || k === 'closed 1009')).toBeGreaterThan(0.98)

      // The process never saw an uncaught error.
      expect(crashes).toEqual([])
      // Every frame was handled one way or the other; some closed their socket, some were shrugged off.
      expect([...outcomes.values()].reduce((x, y) => x + y, 0)).toBe(FRAMES)
      expect([...outcomes.keys()].some((k) => k.startsWith('closed'))).toBe(true)

      // The honest map holds exactly the honest writes, everywhere.
      const server = await serverDoc(srv, mapId)
      await converged(server, a.doc, 'server and Alice agree')
      await converged(server, b.doc, 'server and Bob agree')
      expect(
        readGraph(server)
          .nodes.map((n) => n.id)
          .sort(),
      ).toEqual([...written].sort())
      expect(written.length).toBeGreaterThan(10)

      // The map the attacker could write to is still one state on both ends, and still reads.
      const openServer = await serverDoc(srv, openMapId)
      await converged(openServer, c.doc, 'server and Alice agree on the attacked map')
      expect(() => readGraph(openServer)).not.toThrow()

      // A newcomer still gets in and receives the same state.
      const late = await honestClient(srv, bob, mapId, 'editor')
      cleanups.push(() => late.destroy())
      await converged(server, late.doc, 'a newcomer syncs')
      expect(sameState(late.doc, a.doc)).toBe(true)
      // Honest presence survived the impersonation attempts.
      expect(
        (late.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name?: string } })?.user?.name,
      ).toBe('Alice')
    } finally {
      for (const c of cleanups.reverse()) c()
      process.off('uncaughtException', onCrash)
      process.off('unhandledRejection', onCrash)
    }
  },
)
