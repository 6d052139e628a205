import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  addNode,
  addRelation,
  localOrigin,
  readAuthorship,
  readGraph,
  readTrash,
  removeNodes,
  setVote,
  updateNode,
} from '@/core/ydoc'
import { CLOSE_EDIT_REFUSED } from '@/server/sync/Room'
import { disguises } from '../../support/disguises'
import { connectRaw, handshake, syncStep2Frame, updateFrame, type RawClient } from '../../support/rawClient'
import { eventually, type Client } from '../../../harness/syncHarness'
import {
  converged,
  honestClient,
  person,
  privateMap,
  restartedServer,
  serverDoc,
  startRealServer,
  tokenFor,
  type Person,
  type RealServer,
} from './realServer'
import { claim } from '../../support/graph'

/**
 * [PA1]–[PA8] against the real server, with hand-built frames: a student who
 * joined by a code (so under the own-work policy) tries every disguise of an
 * edit to the teacher's locked thesis and to another student's work, and
 * under clientIDs that are not theirs. None lands: not on the server, not on
 * a separate honest client, not after a restart.
 */
const me = localOrigin()

let srv: RealServer
let teacher: Person
let ann: Person
let bob: Person
let mapId: string
let teacherClient: Client
let annClient: Client

beforeAll(async () => {
  srv = await startRealServer()
  teacher = await person(srv.services, 'Teacher')
  ann = await person(srv.services, 'Ann')
  bob = await person(srv.services, 'Bob')
  mapId = await privateMap(srv.services, teacher, [
    [ann, 'editor'],
    [bob, 'editor'],
  ])
  teacherClient = await honestClient(srv, teacher, mapId, 'owner')
  annClient = await honestClient(srv, ann, mapId, 'editor')
  addNode(teacherClient.doc, claim('thesis', 'The thesis'), me)
  updateNode(teacherClient.doc, 'thesis', { locked: true }, me)
  await converged(await serverDoc(srv, mapId), teacherClient.doc, 'the thesis on the server')
  await converged(annClient.doc, teacherClient.doc, 'the thesis at Ann')
  addNode(annClient.doc, claim('a1', 'Ann says'), me)
  addRelation(annClient.doc, { id: 'ra', kind: 'supports', source: 'a1', target: 'thesis' }, me)
  setVote(annClient.doc, { nodeId: 'thesis', userId: ann.id, value: 3 }, me)
  await converged(teacherClient.doc, annClient.doc, "Ann's work at the teacher")
}, 30_000)
afterAll(async () => {
  teacherClient?.destroy()
  annClient?.destroy()
  await srv?.stop()
})

/** An update built on the student's replica, under `clientID` if given. */
function forged(base: Y.Doc, edit: (d: Y.Doc) => void, clientID?: number): Uint8Array {
  const fork = new Y.Doc()
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(base))
  if (clientID !== undefined) fork.clientID = clientID
  const before = Y.encodeStateVector(fork)
  edit(fork)
  return Y.encodeStateAsUpdate(fork, before)
}

/** The disguises shared with the in-process test, plus writes under other people's clientIDs. */
const attacks = (): Array<[string, (d: Y.Doc) => void, ('ann' | 'teacher')?]> => [
  ...disguises(ann.id, teacher.id),
  ["[PA1] a new node under Ann's clientID", (d) => addNode(d, claim('b-as-ann', 'posing as Ann'), me), 'ann'],
  [
    "[PA1] a new node under the teacher's clientID",
    (d) => addNode(d, claim('b-as-t', 'posing as the teacher'), me),
    'teacher',
  ],
  [
    "[PA1] reword the thesis under the teacher's clientID",
    (d) => updateNode(d, 'thesis', { text: 'forged' }, me),
    'teacher',
  ],
]

describe('a student under the own-work policy, with raw frames', () => {
  test('[PA1]–[PA8] every disguise, as an Update and as a SyncStep2, is refused with "permission denied" and close 4409; 0 land', async () => {
    const server = await serverDoc(srv, mapId)
    const expected = readGraph(server)
    const expectedSv = Y.encodeStateVector(server)
    let tried = 0
    let landed = 0
    const ATTACKS = attacks()
    for (const [name, edit, as] of ATTACKS) {
      for (const frame of [updateFrame, syncStep2Frame]) {
        const hostile: RawClient = await connectRaw(srv.wsBase, mapId, {
          origin: srv.origin,
          token: await tokenFor(srv.services, bob, mapId, 'editor'),
        })
        await handshake(hostile)
        const client = as === 'ann' ? annClient.doc.clientID : as === 'teacher' ? teacherClient.doc.clientID : undefined
        hostile.send(frame(forged(hostile.doc, edit, client)))
        tried++
        const denied = await hostile.waitFor('permission-denied')
        expect(denied.reason, name).not.toBe('')
        expect((await hostile.closed).code, name).toBe(CLOSE_EDIT_REFUSED)
        if (
          JSON.stringify(readGraph(server)) !== JSON.stringify(expected) ||
          !Y.encodeStateVector(server).every((b, i) => b === expectedSv[i])
        )
          landed++
      }
    }
    expect({ tried, landed }).toEqual({ tried: ATTACKS.length * 2, landed: 0 })
    // A separate honest client: an edit made after all of them arrives, and nothing else did.
    addNode(annClient.doc, claim('a2', 'after the attacks'), me)
    await eventually(
      () => readGraph(teacherClient.doc).nodes.some((n) => n.id === 'a2'),
      'the honest edit at the teacher',
    )
    const seen = readGraph(teacherClient.doc)
    expect({ ...seen, nodes: seen.nodes.filter((n) => n.id !== 'a2') }).toEqual(expected)
    expect(readAuthorship(teacherClient.doc).get('a1')?.createdBy?.userId).toBe(ann.id)
  }, 120_000)

  test('[PA5], [PA7], [PA8] the same student attaches to the locked thesis, votes, and changes and deletes their own work', async () => {
    const hostile = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, bob, mapId, 'editor'),
    })
    await handshake(hostile)
    const doc = hostile.doc
    const send = (edit: (d: Y.Doc) => void) => {
      const before = Y.encodeStateVector(doc)
      edit(doc)
      hostile.send(updateFrame(Y.encodeStateAsUpdate(doc, before)))
    }
    send((d) => addNode(d, { ...claim('b1', 'Bob objects'), kind: 'objection' }, me))
    send((d) => addRelation(d, { id: 'rb', kind: 'attacks', source: 'b1', target: 'thesis' }, me))
    send((d) => setVote(d, { nodeId: 'thesis', userId: bob.id, value: 1 }, me))
    send((d) => updateNode(d, 'b1', { text: 'Bob objects, better' }, me))
    send((d) => addNode(d, claim('b2', 'to delete'), me))
    send((d) => removeNodes(d, ['b2'], me))
    await eventually(() => {
      const g = readGraph(annClient.doc)
      return (
        g.nodes.some((n) => n.text === 'Bob objects, better') &&
        !g.nodes.some((n) => n.id === 'b2') &&
        g.votes.some((v) => v.userId === bob.id)
      )
    }, "Bob's own work at Ann")
    expect(hostile.isOpen).toBe(true)
    expect(
      readGraph(annClient.doc)
        .relations.map((r) => r.id)
        .sort(),
    ).toEqual(['ra', 'rb'])
    expect(readAuthorship(annClient.doc).get('b1')?.createdBy).toMatchObject({ userId: bob.id, name: 'Bob' })
    // [PA9] The deletion is filed with who did it.
    await eventually(() => readTrash(annClient.doc).some((e) => e.node.id === 'b2'), 'b2 in the trash')
    expect(readTrash(annClient.doc).find((e) => e.node.id === 'b2')?.deletedBy.userId).toBe(bob.id)
    hostile.close()
  }, 60_000)

  test('[PA1], [PA9] after a restart the content, who wrote it and the trash are what they were, and the refused edits are still absent', async () => {
    const before = readGraph(await serverDoc(srv, mapId))
    const authorshipBefore = JSON.stringify(Object.fromEntries(readAuthorship(await serverDoc(srv, mapId))))
    teacherClient.destroy()
    annClient.destroy()
    const again = await restartedServer(srv)
    try {
      const fresh = await honestClient(again, teacher, mapId, 'owner')
      try {
        const graph = readGraph(fresh.doc)
        expect(graph).toEqual(before)
        expect(graph.nodes.find((n) => n.id === 'thesis')).toMatchObject({
          text: 'The thesis',
          locked: true,
          x: 0,
          kind: 'claim',
        })
        expect(graph.nodes.find((n) => n.id === 'a1')).toMatchObject({ text: 'Ann says', kind: 'claim', x: 0 })
        expect(graph.nodes.some((n) => n.id.startsWith('b-as'))).toBe(false)
        expect(graph.title).not.toBe("Bob's map")
        expect(JSON.parse(JSON.stringify(Object.fromEntries(readAuthorship(fresh.doc))))).toEqual(
          JSON.parse(authorshipBefore),
        )
        expect(readTrash(fresh.doc).map((e) => e.node.id)).toEqual(['b2'])
      } finally {
        fresh.destroy()
      }
    } finally {
      await again.stop()
    }
  }, 60_000)
})
