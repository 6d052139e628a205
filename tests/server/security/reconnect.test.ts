import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { MAP_TOKEN_TTL_SECONDS } from '@/server/auth/mapTokens'
import { SESSION_COOKIE } from '@/server/auth/sessions'
import { tryConnect } from '../../support/rawClient'
import { connectClient, eventually, type Client } from '../../../harness/syncHarness'
import { person, privateMap, startRealServer, tokenFor, type Person, type RealServer } from './realServer'

/**
 * [PS1] [PS3] The stock client comes back by itself after an outage of any
 * length: its URL still carries the token it started with, long expired, and
 * the browser sends its session cookie on the upgrade. The server's clock is
 * the test's, so "an hour later" takes no time.
 */
let clock = Date.UTC(2026, 0, 5, 9, 0, 0)
let srv: RealServer
let owner: Person
let student: Person
let mapId: string
const cleanups: Array<() => unknown> = []
const me = localOrigin()

beforeAll(async () => {
  srv = await startRealServer({}, { now: () => clock })
  owner = await person(srv.services, 'Teacher')
  student = await person(srv.services, 'Student')
  mapId = await privateMap(srv.services, owner, [[student, 'editor']])
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => srv.stop())

async function cookieFor(who: Person): Promise<string> {
  const { token } = await srv.services.sessions.create(who.id, new Date(clock))
  return `theme=dark; ${SESSION_COOKIE}=${token}`
}

async function stockClient(
  who: Person,
  role: 'editor' | 'owner',
  cookie?: string,
): Promise<{ client: Client; closes: number[] }> {
  const token = await tokenFor(srv.services, who, mapId, role, { now: clock })
  const client = connectClient(
    srv.wsBase,
    mapId,
    new Y.Doc(),
    { token },
    { origin: srv.origin, headers: cookie ? { cookie } : {} },
  )
  cleanups.push(() => client.destroy())
  const closes: number[] = []
  client.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code))
  await client.synced
  return { client, closes }
}

/** An outage: the connection drops (as a network loss or a server restart would) and the provider retries on its own. */
function dropConnection(client: Client): void {
  client.provider.ws?.close()
}

describe('reconnecting after the token expired', () => {
  test('[PS1] an hour after its token expired, a stock client with its session cookie reconnects and syncs by itself', async () => {
    const { client } = await stockClient(student, 'editor', await cookieFor(student))
    const { client: teacher } = await stockClient(owner, 'owner', await cookieFor(owner))
    clock += 60 * 60_000
    expect(60 * 60).toBeGreaterThan(MAP_TOKEN_TTL_SECONDS)
    dropConnection(client)
    await eventually(() => !client.provider.wsconnected, 'the connection dropped')
    await eventually(() => client.provider.wsconnected && client.provider.synced, 'reconnected and synced', 10_000)
    // Edits flow both ways again.
    addNode(
      teacher.doc,
      { id: 'after', kind: 'claim', text: 'written after the outage', x: 0, y: 0, pinned: false },
      me,
    )
    addNode(client.doc, { id: 'back', kind: 'claim', text: 'the student is back', x: 0, y: 0, pinned: false }, me)
    await eventually(
      () => readGraph(client.doc).nodes.some((n) => n.id === 'after'),
      'teacher edit reaches the student',
    )
    await eventually(
      () => readGraph(teacher.doc).nodes.some((n) => n.id === 'back'),
      'student edit reaches the teacher',
    )
  })

  test('[PS1] without the cookie the same client stays out after expiry (the token alone does not outlive 120 s)', async () => {
    const { client } = await stockClient(student, 'editor')
    clock += 60 * 60_000
    const attemptsBefore = client.provider.wsUnsuccessfulReconnects
    dropConnection(client)
    // Each refused upgrade is an unsuccessful attempt; three of them and no connection means it is locked out.
    await eventually(
      () => client.provider.wsUnsuccessfulReconnects >= attemptsBefore + 3,
      'several refused attempts',
      10_000,
    )
    expect(client.provider.wsconnected).toBe(false)
  })

  test('[PS3] a reconnect by cookie gets the role in the database now, not the one the old token carried', async () => {
    const other = await person(srv.services, 'Demoted later')
    const map = await privateMap(srv.services, owner, [[other, 'editor']])
    const cookie = await cookieFor(other)
    await srv.services.access.setRole(map, other.id, 'viewer')
    const result = await tryConnect(srv.wsBase, map, { origin: srv.origin, headers: { cookie } })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    cleanups.push(() => result.client.close())
    const room = (await srv.services.sync.rooms.live(map))!
    const theirs = () => room.peersWhere((_p, a) => a.userId === other.id)
    await eventually(() => theirs().length === 1, 'joined the room')
    expect(room.accessOf(theirs()[0]!)).toMatchObject({ role: 'viewer', canWrite: false })
  })

  test('[PS1] [PS2] [PS3] a cookie does not admit from a foreign Origin, after the session expired, or to a map the person cannot open', async () => {
    const cookie = await cookieFor(student)
    const foreign = await tryConnect(srv.wsBase, mapId, { origin: 'https://evil.example', headers: { cookie } })
    expect(foreign.ok ? 'open' : foreign.status).toBe(403)
    const elsewhere = await privateMap(srv.services, owner)
    const closed = await tryConnect(srv.wsBase, elsewhere, { origin: srv.origin, headers: { cookie } })
    expect(closed.ok ? 'open' : closed.status).toBe(403)
    clock += 31 * 86_400_000
    const stale = await tryConnect(srv.wsBase, mapId, { origin: srv.origin, headers: { cookie } })
    expect(stale.ok ? 'open' : stale.status).toBe(401)
  })
})
