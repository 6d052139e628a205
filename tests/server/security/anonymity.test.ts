import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { pseudonyms } from '@/core/presence/pseudonyms'
import { addNode, contributors, localOrigin } from '@/core/ydoc'
import { CLOSE_ROLE_CHANGED } from '@/server/sync/SyncServer'
import { awarenessFrame, connectRaw, handshake, updateFrame, type RawClient } from '../../support/rawClient'
import { claim } from '../../support/graph'
import { eventually } from '../../../harness/syncHarness'
import { person, privateMap, startRealServer, tokenFor, type Person, type RealServer } from './realServer'

/**
 * [PN1]–[PN4] Anonymity applied by the server: pseudonyms in the awareness
 * it relays and in the names the doc holds, whatever the client sends.
 */

describe('pseudonyms', () => {
  test('[PN2] stable for a map, distinct among its people (numbered past 512), different on another map', () => {
    const ids = Array.from({ length: 600 }, (_, i) => `u${i}`)
    const a = pseudonyms('m1', ids)
    expect(new Set(a.values()).size).toBe(600)
    expect(pseudonyms('m1', ids)).toEqual(a)
    // Someone joining later does not change anyone's pseudonym.
    const fewer = pseudonyms('m1', ids.slice(0, 30))
    for (const [u, name] of fewer) expect(a.get(u)).toBe(name)
    const b = pseudonyms('m2', ids.slice(0, 30))
    expect([...fewer].filter(([u, n]) => b.get(u) === n).length).toBeLessThan(5)
    expect(a.get('u0')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+( \d+)?$/)
  })
})

let srv: RealServer
let teacher: Person
let ann: Person
let bob: Person
let mapId: string
beforeAll(async () => {
  srv = await startRealServer()
  teacher = await person(srv.services, 'Teacher Real')
  ann = await person(srv.services, 'Ann Real')
  bob = await person(srv.services, 'Bob Real')
  mapId = await privateMap(srv.services, teacher, [
    [ann, 'editor'],
    [bob, 'editor'],
  ])
}, 60_000)
afterAll(() => srv.stop())

async function socket(who: Person, role: 'owner' | 'editor' = 'editor'): Promise<RawClient> {
  const raw = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, who, mapId, role),
  })
  await handshake(raw)
  return raw
}

test('[PN1] [PN3] [PN4] turned on, the doc and the relayed presence name students by pseudonym only; turned off, by name again', async () => {
  // Held for the whole test: every socket is closed when the setting changes, the room must stay the same.
  const room = await srv.services.sync.rooms.acquire(mapId)
  const teacherSocket = await socket(teacher, 'owner')
  const annSocket = await socket(ann)
  const before = Y.encodeStateVector(annSocket.doc)
  addNode(annSocket.doc, claim('ann-1'), localOrigin())
  annSocket.send(updateFrame(Y.encodeStateAsUpdate(annSocket.doc, before)))
  const server = room.doc
  await eventually(() => contributors(server).get(ann.id)?.name === 'Ann Real', 'Ann bound under her name')

  await srv.services.anonymity.set(mapId, true)
  expect((await annSocket.closed).code).toBe(CLOSE_ROLE_CHANGED)
  const annAlias = (await srv.services.access.grant(mapId, ann.id)).pseudonym!
  expect(annAlias).toMatch(/^[A-Z]/)
  expect((await srv.services.access.grant(mapId, teacher.id)).pseudonym).toBeNull()
  expect(contributors(server).get(ann.id)?.name).toBe(annAlias)
  expect(contributors(server).get(teacher.id)?.name ?? 'Teacher Real').toBe('Teacher Real')

  // Bob syncs afresh: nothing he receives carries Ann's name.
  const bobSocket = await socket(bob)
  expect(JSON.stringify(bobSocket.doc.toJSON())).not.toContain('Ann Real')
  expect(contributors(bobSocket.doc).get(ann.id)?.name).toBe(annAlias)
  // Ann announces herself under her real name (and a forged one): the server relays her pseudonym.
  const annAgain = await socket(ann)
  const mark = bobSocket.received.length
  annAgain.send(
    awarenessFrame([
      {
        clientId: annAgain.doc.clientID,
        clock: 1,
        state: JSON.stringify({ user: { id: ann.id, name: 'Ann Real', color: '#000' } }),
      },
    ]),
  )
  const seen = await bobSocket.waitFor('awareness', 5000, mark)
  expect(JSON.stringify([...seen.states.values()])).not.toContain('Ann Real')
  expect((seen.states.get(annAgain.doc.clientID) as { user: { name: string } }).user.name).toBe(annAlias)
  // A node she writes now is bound under the pseudonym too.
  const sv = Y.encodeStateVector(annAgain.doc)
  addNode(annAgain.doc, claim('ann-2'), localOrigin())
  annAgain.send(updateFrame(Y.encodeStateAsUpdate(annAgain.doc, sv)))
  await eventually(
    () =>
      [...server.getMap('authors').values()].filter((a) => (a as { userId: string }).userId === ann.id).length === 2,
    'the second clientID bound',
  )
  expect(JSON.stringify(server.getMap('authors').toJSON())).not.toContain('Ann Real')

  await srv.services.anonymity.set(mapId, false)
  expect((await bobSocket.closed).code).toBe(CLOSE_ROLE_CHANGED)
  expect(contributors(server).get(ann.id)?.name).toBe('Ann Real')
  expect((await srv.services.access.grant(mapId, ann.id)).pseudonym).toBeNull()
  teacherSocket.close()
  srv.services.sync.rooms.release(mapId)
})
