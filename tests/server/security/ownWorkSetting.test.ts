import { afterAll, beforeAll, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph, updateNode } from '@/core/ydoc'
import { CLOSE_EDIT_REFUSED } from '@/server/sync/Room'
import { connectRaw, handshake, updateFrame } from '../../support/rawClient'
import { eventually } from '../../../harness/syncHarness'
import {
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
 * [PA10] The own-work policy is a map setting: by default it binds editors
 * who joined by a code, not owners nor people editing through the map's
 * public role; 'editors' binds every editor, 'off' nobody; a change reaches
 * live connections at once.
 */
const me = localOrigin()

let srv: RealServer
let owner: Person
let coder: Person
let stranger: Person
let mapId: string

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Owner')
  coder = await person(srv.services, 'Coder')
  stranger = await person(srv.services, 'Stranger')
  mapId = await privateMap(srv.services, owner, [[coder, 'editor']])
  await srv.services.access.setPublicRole(mapId, 'editor')
})
afterAll(() => srv.stop())

test('[PA10] by default the policy binds editors who joined by a code, not owners or public editors; "editors" binds all, "off" none', async () => {
  const { access } = srv.services
  expect((await access.settings(mapId))?.ownWork).toBe('code')
  expect((await access.grant(mapId, coder.id)).ownWork).toBe(true)
  expect((await access.grant(mapId, stranger.id)).ownWork).toBe(false)
  expect((await access.grant(mapId, owner.id)).ownWork).toBe(false)
  await access.setSettings(mapId, { ownWork: 'editors' })
  expect((await access.grant(mapId, stranger.id)).ownWork).toBe(true)
  expect((await access.grant(mapId, owner.id)).ownWork).toBe(false)
  await access.setSettings(mapId, { ownWork: 'off' })
  expect((await access.grant(mapId, coder.id)).ownWork).toBe(false)
  await access.setSettings(mapId, { ownWork: 'code' })
})

test("[PA10] turning the policy off lets a connected code-joined editor edit others' nodes at once; turning it on stops them", async () => {
  const ownerClient = await honestClient(srv, owner, mapId, 'owner')
  try {
    addNode(ownerClient.doc, claim('o1'), me)
    const server = await serverDoc(srv, mapId)
    await eventually(() => readGraph(server).nodes.some((n) => n.id === 'o1'), 'o1 on the server')
    const raw = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, coder, mapId, 'editor'),
    })
    await handshake(raw)
    const edit = (text: string) => {
      const before = Y.encodeStateVector(raw.doc)
      updateNode(raw.doc, 'o1', { text }, me)
      raw.send(updateFrame(Y.encodeStateAsUpdate(raw.doc, before)))
    }
    const room = await srv.services.sync.rooms.live(mapId)!
    const coderPolicy = () => room.accessOf(room.peersWhere((_, a) => a.userId === coder.id)[0]!)?.ownWork
    expect(coderPolicy()).toBe(true)
    await srv.services.access.setSettings(mapId, { ownWork: 'off' })
    // The live peer's access follows without a reconnect.
    await eventually(() => coderPolicy() === false, 'the policy lifted on the live connection')
    edit('edited by the coder')
    await eventually(
      () => readGraph(ownerClient.doc).nodes.find((n) => n.id === 'o1')?.text === 'edited by the coder',
      'the edit at the owner',
    )
    await srv.services.access.setSettings(mapId, { ownWork: 'code' })
    await eventually(() => coderPolicy() === true, 'the policy back on the live connection')
    edit('again')
    expect((await raw.closed).code).toBe(CLOSE_EDIT_REFUSED)
    expect(readGraph(server).nodes.find((n) => n.id === 'o1')?.text).toBe('edited by the coder')
  } finally {
    ownerClient.destroy()
  }
})
