import { afterAll, beforeAll, expect, test } from 'vitest'
import { addNode, localOrigin } from '@/core/ydoc'
import { giveFeedback } from '@/server/teaching/feedback'
import { claim } from './../support/graph'
import { eventually } from '../../harness/syncHarness'
import {
  honestClient,
  person,
  privateMap,
  serverDoc,
  startRealServer,
  type Person,
  type RealServer,
} from './security/realServer'

/**
 * [PF1] [PF2] Teacher feedback on a node, on comments ([CM6]): private
 * feedback reaches the node's author (as the server's authorship says) and
 * the teachers only; public feedback everyone on the map.
 */
let srv: RealServer
let teacher: Person
let ann: Person
let bob: Person
let mapId: string
beforeAll(async () => {
  srv = await startRealServer()
  teacher = await person(srv.services, 'Teacher')
  ann = await person(srv.services, 'Ann')
  bob = await person(srv.services, 'Bob')
  mapId = await privateMap(srv.services, teacher, [
    [ann, 'editor'],
    [bob, 'editor'],
  ])
}, 60_000)
afterAll(() => srv.stop())

test('[PF1] [PF2] private feedback is read by the author and teachers only; public feedback by everyone; the author comes from the doc', async () => {
  const client = await honestClient(srv, ann, mapId, 'editor')
  try {
    addNode(client.doc, claim('ann-node', 'Ann: NATO deters'), localOrigin())
    const server = await serverDoc(srv, mapId)
    await eventually(
      () => server.getMap('nodes').has('ann-node') && server.getMap('authors').size > 0,
      'Ann’s node bound to her',
    )
    const { comments } = srv.services
    const privateThread = await giveFeedback(srv.services, mapId, teacher.id, {
      nodeId: 'ann-node',
      body: 'Give a source for this.',
      private: true,
    })
    expect(privateThread.visibility).toBe('teachers')
    const publicThread = await giveFeedback(srv.services, mapId, teacher.id, {
      nodeId: 'ann-node',
      body: 'Good point, everyone look.',
      private: false,
    })
    const seen = async (who: Person, owner = false) =>
      (await comments.list(mapId, { userId: who.id, owner })).map((t) => t.id)
    expect(await seen(ann)).toEqual(expect.arrayContaining([privateThread.id, publicThread.id]))
    expect(await seen(bob)).toEqual([publicThread.id])
    expect(await seen(teacher, true)).toEqual(expect.arrayContaining([privateThread.id, publicThread.id]))
    // Nobody can aim private feedback at a node that is not there.
    await expect(
      giveFeedback(srv.services, mapId, teacher.id, { nodeId: 'nope', body: 'x', private: true }),
    ).rejects.toThrow()
  } finally {
    client.destroy()
  }
})
