import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '@/core/permissions'
import { addNode, localOrigin, readGraph, setTitle } from '@/core/ydoc'
import { connectRaw, handshake, syncStep2Frame, updateFrame, updateOf, type RawClient } from '../../support/rawClient'
import { eventually, type Client } from '../../../harness/syncHarness'
import {
  converged,
  honestClient,
  sameState,
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
 * [PS4] Viewers and commenters receive the map, but nothing they send
 * changes it: not as an Update, and not disguised as the SyncStep2 answer
 * to the server's handshake. They are told so with the y-protocols auth
 * message, and every other client keeps exactly what it had.
 */
const me = localOrigin()

let srv: RealServer
let owner: Person
let editor: Person
const cleanups: Array<() => unknown> = []

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Owner')
  editor = await person(srv.services, 'Editor')
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => srv.stop())

async function setUp(readOnlyRole: Role) {
  const reader = await person(srv.services, `A ${readOnlyRole}`)
  const mapId = await privateMap(srv.services, owner, [
    [editor, 'editor'],
    [reader, readOnlyRole],
  ])
  const honest: Client = await honestClient(srv, editor, mapId, 'editor')
  cleanups.push(() => honest.destroy())
  addNode(honest.doc, claim('c1', 'written by the editor'), me)
  const server = await serverDoc(srv, mapId)
  await converged(server, honest.doc, 'editor content on the server')

  const hostile: RawClient = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, reader, mapId, readOnlyRole),
  })
  cleanups.push(() => hostile.close())
  await handshake(hostile)
  return { mapId, honest, hostile, server }
}

/** Writes a reader might try: new nodes, a rename, and overwriting the editor's node. */
function hostileUpdates(base: Y.Doc): Uint8Array[] {
  const fresh = updateOf((d) => addNode(d, claim('evil', 'injected by a reader'), me))
  const rename = updateOf((d) => setTitle(d, 'Renamed by a reader', me))
  // An edit on top of the current state, exactly as a real (modified) editor UI would produce it.
  const fork = new Y.Doc()
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(fork)
  addNode(fork, claim('c1', 'overwritten by a reader'), me)
  const overwrite = Y.encodeStateAsUpdate(fork, before)
  return [fresh, rename, overwrite]
}

describe.each(['viewer', 'commenter'] as const)('a %s connection', (role) => {
  test(`[PS4] receives the map: the ${role}'s replica equals the server's doc`, async () => {
    const { hostile, server } = await setUp(role)
    expect(readGraph(hostile.doc).nodes.map((n) => n.text)).toEqual(['written by the editor'])
    expect(readGraph(hostile.doc)).toEqual(readGraph(server))
  })

  test(`[PS4] its SyncStep2 and Update frames are refused with "permission denied"; nobody's doc changes`, async () => {
    const { hostile, honest, server } = await setUp(role)
    const before = Y.encodeStateAsUpdate(server)
    const updates = hostileUpdates(hostile.doc)
    for (const u of updates) {
      hostile.send(syncStep2Frame(u))
      hostile.send(updateFrame(u))
    }
    // An honest edit after the hostile ones: once it arrives everywhere, the hostile frames were handled too.
    addNode(honest.doc, claim('c2', 'a later honest edit'), me)
    await converged(server, honest.doc, 'the honest edit reaching the server')

    // The answers travel back over the hostile socket: wait for them rather than racing them.
    const denials = () => hostile.received.filter((m) => m.type === 'permission-denied')
    await eventually(() => denials().length >= updates.length * 2, 'an answer to every hostile frame')
    expect(denials()).toHaveLength(updates.length * 2)
    expect(hostile.isOpen).toBe(true)
    const texts = (d: Y.Doc) =>
      readGraph(d)
        .nodes.map((n) => n.text)
        .sort()
    expect(texts(server)).toEqual(['a later honest edit', 'written by the editor'])
    expect(texts(honest.doc)).toEqual(texts(server))
    expect(readGraph(server).title).toBe('Security test map')
    // The server never relayed a hostile byte: its state is the old state plus the honest edit only.
    const expected = new Y.Doc()
    Y.applyUpdate(expected, before)
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(honest.doc))
    expect(sameState(server, expected)).toBe(true)
  })

  test(`[PS4] nothing it sent reaches the store: a reload shows only honest content`, async () => {
    const { mapId, hostile, honest } = await setUp(role)
    for (const u of hostileUpdates(hostile.doc)) hostile.send(updateFrame(u))
    await hostile.waitFor('permission-denied')
    await (await srv.services.sync.rooms.live(mapId))!.flush()
    const stored = await srv.services.store.load(mapId)
    const reloaded = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(reloaded, u)
    expect(readGraph(reloaded).nodes.map((n) => n.text)).toEqual(['written by the editor'])
    expect(readGraph(honest.doc).nodes.map((n) => n.text)).toEqual(['written by the editor'])
  })
})

test('[PS3] a viewer holding an editor token minted by mistake still cannot write: the weaker role wins', async () => {
  const reader = await person(srv.services, 'Viewer with a stale editor token')
  const mapId = await privateMap(srv.services, owner, [[reader, 'viewer']])
  const hostile = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, reader, mapId, 'editor'),
  })
  cleanups.push(() => hostile.close())
  await handshake(hostile)
  hostile.send(updateFrame(updateOf((d) => addNode(d, claim('x', 'should not land'), me))))
  await hostile.waitFor('permission-denied')
  expect(readGraph(await serverDoc(srv, mapId)).nodes).toEqual([])
})

test('[PS4] the control case: an editor connection with the same frames does change the doc', async () => {
  const mapId = await privateMap(srv.services, owner, [[editor, 'editor']])
  const raw = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, editor, mapId, 'editor'),
  })
  cleanups.push(() => raw.close())
  await handshake(raw)
  raw.send(syncStep2Frame(updateOf((d) => addNode(d, claim('ok1', 'sent as step 2'), me))))
  raw.send(updateFrame(updateOf((d) => addNode(d, claim('ok2', 'sent as update'), me))))
  const server = await serverDoc(srv, mapId)
  await eventually(() => readGraph(server).nodes.length === 2, 'both editor writes applied')
  expect(
    readGraph(server)
      .nodes.map((n) => n.text)
      .sort(),
  ).toEqual(['sent as step 2', 'sent as update'])
  expect(raw.received.some((m) => m.type === 'permission-denied')).toBe(false)
})
