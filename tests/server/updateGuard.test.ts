import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { ArgNode } from '@/core/graph'
import {
  addNode,
  addRelation,
  authorsOf,
  localOrigin,
  moveNodes,
  readAuthorship,
  readGraph,
  readTrash,
  removeNodes,
  removeElements,
  removeRelations,
  restoreFromTrash,
  setVote,
  updateNode,
} from '@/core/ydoc'
import { disguises } from '../support/disguises'
import { guardedRoom, writer } from '../support/guardedRoom'

/**
 * The update guard in-process (core/permissions/SPEC.md [PA]): each person
 * edits a replica; the server judges each update before applying it.
 */
const me = localOrigin()
const node = (id: string, text = id): ArgNode => ({ id, kind: 'claim', text, x: 0, y: 0, pinned: false })

function classroom() {
  const room = guardedRoom()
  const teacher = room.join(writer('teacher', { owner: true }))
  const ann = room.join(writer('ann', { ownWork: true, group: 'Red' }))
  const bob = room.join(writer('bob', { ownWork: true, group: 'Blue' }))
  // An editor the own-work policy does not bind: locks, votes and the server's roots still hold for them.
  const carl = room.join(writer('carl', { ownWork: false }))
  expect(room.act(teacher, (d) => addNode(d, { ...node('thesis'), locked: true }, me)).ok).toBe(true)
  expect(room.act(ann, (d) => addNode(d, node('a1', 'Ann says'), me)).ok).toBe(true)
  expect(
    room.act(ann, (d) => addRelation(d, { id: 'ra', kind: 'supports', source: 'a1', target: 'thesis' }, me)).ok,
  ).toBe(true)
  expect(room.act(ann, (d) => setVote(d, { nodeId: 'thesis', userId: 'ann', value: 3 }, me)).ok).toBe(true)
  return { room, teacher, ann, bob, carl }
}

const snapshot = (doc: Y.Doc) => JSON.stringify(readGraph(doc))

describe('authorship', () => {
  test('[PA1] each record names the person whose connection wrote it, with team colour, and its last editor', () => {
    const { room, teacher, ann } = classroom()
    room.act(teacher, (d) => updateNode(d, 'a1', { text: 'Ann says, teacher fixes' }, me))
    const who = readAuthorship(room.server)
    expect(who.get('thesis')?.createdBy?.userId).toBe('teacher')
    expect(who.get('a1')?.createdBy).toMatchObject({ userId: 'ann', name: 'ANN', group: 'Red' })
    expect(who.get('a1')?.editedBy?.userId).toBe('teacher')
    expect(who.get('ra')?.createdBy?.userId).toBe('ann')
    expect(typeof who.get('a1')?.createdAt).toBe('number')
    // Read the same from any replica.
    room.pull(ann)
    expect(readAuthorship(ann.doc).get('a1')?.editedBy?.userId).toBe('teacher')
  })

  test("[PA1] an update written under someone else's clientID is refused whole", () => {
    const { room, ann, bob } = classroom()
    const annClient = [...authorsOf(room.server).entries()].find(
      ([, a]) => (a as { userId: string }).userId === 'ann',
    )![0]
    const before = snapshot(room.server)
    const outcome = room.act(bob, (d) => {
      d.clientID = Number(annClient)
      addNode(d, node('b-as-ann', 'Bob posing as Ann'), me)
    })
    expect(outcome).toMatchObject({ ok: false, reason: "writes under another person's clientID" })
    expect(snapshot(room.server)).toBe(before)
    // Ann's own client, which holds that clientID, still writes.
    expect(room.act(ann, (d) => addNode(d, node('a2'), me)).ok).toBe(true)
  })

  test("[PA1] a clientID with history nobody is bound to (the server's, a seed's) cannot be taken over", () => {
    const room = guardedRoom()
    const seed = new Y.Doc()
    addNode(seed, node('seeded'), me)
    Y.applyUpdate(room.server, Y.encodeStateAsUpdate(seed))
    const bob = room.join(writer('bob', { ownWork: true }))
    const outcome = room.act(bob, (d) => {
      d.clientID = seed.clientID
      updateNode(d, 'seeded', { text: 'mine now' }, me)
    })
    expect(outcome.ok).toBe(false)
    expect(readGraph(room.server).nodes[0]!.text).toBe('seeded')
  })
})

test('[PA1] binding new people leaves the server its one clientID; a client posing as the server is refused', () => {
  const { room, bob } = classroom()
  const serverClient = room.server.clientID
  for (const name of ['dan', 'eve', 'fay']) {
    const person = room.join(writer(name))
    expect(room.act(person, (d) => addNode(d, node(`${name}-1`), me)).ok).toBe(true)
  }
  // Every binding was written under the same clientID (Yjs would otherwise pick a new one at each).
  expect(room.server.clientID).toBe(serverClient)
  const serverWrites = [...room.server.store.clients.keys()].filter((c) => !authorsOf(room.server).has(String(c)))
  expect(serverWrites).toEqual([serverClient])
  const outcome = room.act(bob, (d) => {
    d.clientID = serverClient
    addNode(d, node('b-as-server', 'Bob posing as the server'), me)
  })
  expect(outcome.ok).toBe(false)
  expect(readGraph(room.server).nodes.some((n) => n.id === 'b-as-server')).toBe(false)
})

describe('what a non-owner cannot do', () => {
  const attacks = disguises('ann', 'teacher')
  test.each(attacks)('%s: refused, nothing changes', (name, attack) => {
    const { room, bob, carl } = classroom()
    const before = Y.encodeStateVector(room.server)
    const graph = snapshot(room.server)
    const outcome = room.act(name.startsWith('[PA7]') ? bob : carl, attack)
    expect(outcome.ok).toBe(false)
    expect(snapshot(room.server)).toBe(graph)
    expect(Y.encodeStateVector(room.server)).toEqual(before)
  })

  test('[PA3] deleting items the server has never seen (a trap for future writes) is refused', () => {
    const { room, ann, bob } = classroom()
    room.pull(ann)
    // Ann's next items, made in a copy, then deleted: the update carries only their deletion.
    const trap = new Y.Doc()
    Y.applyUpdate(trap, Y.encodeStateAsUpdate(room.server))
    trap.clientID = ann.doc.clientID
    addNode(trap, node('future'), me)
    const withFuture = Y.encodeStateVector(trap)
    trap.clientID = 99
    removeNodes(trap, ['future'], me)
    const update = Y.encodeStateAsUpdate(trap, withFuture)
    expect(room.send(bob, update)).toMatchObject({ ok: false })
    // Ann then writes exactly those clocks: her node survives.
    expect(room.act(ann, (d) => addNode(d, node('future'), me)).ok).toBe(true)
    expect(readGraph(room.server).nodes.map((n) => n.id)).toContain('future')
  })
})

describe('what everyone can do', () => {
  test('[PA5] others attach relations, evidence and votes to a locked node', () => {
    const { room, bob } = classroom()
    expect(room.act(bob, (d) => addNode(d, { ...node('b1'), kind: 'evidence' }, me)).ok).toBe(true)
    expect(
      room.act(bob, (d) => addRelation(d, { id: 'rb', kind: 'attacks', source: 'b1', target: 'thesis' }, me)).ok,
    ).toBe(true)
    expect(room.act(bob, (d) => setVote(d, { nodeId: 'thesis', userId: 'bob', value: 1 }, me)).ok).toBe(true)
    // [PA7] and connect to anyone's node, and change and delete their own.
    expect(
      room.act(bob, (d) => addRelation(d, { id: 'rb2', kind: 'attacks', source: 'b1', target: 'a1' }, me)).ok,
    ).toBe(true)
    expect(room.act(bob, (d) => updateNode(d, 'b1', { text: 'better' }, me)).ok).toBe(true)
    expect(room.act(bob, (d) => removeRelations(d, ['rb2'], me)).ok).toBe(true)
    expect(
      readGraph(room.server)
        .relations.map((r) => r.id)
        .sort(),
    ).toEqual(['ra', 'rb'])
  })

  test('[PA5] owners change, move and delete a locked node', () => {
    const { room, teacher } = classroom()
    expect(room.act(teacher, (d) => updateNode(d, 'thesis', { text: 'reworded' }, me)).ok).toBe(true)
    expect(room.act(teacher, (d) => moveNodes(d, [{ id: 'thesis', x: 10, y: 10 }], me)).ok).toBe(true)
    expect(room.act(teacher, (d) => removeNodes(d, ['thesis'], me)).ok).toBe(true)
  })

  test("[PA7] under the own-work policy a node carrying others' relations or votes stays; without it, it goes", () => {
    const { room, ann, bob } = classroom()
    room.act(bob, (d) => addRelation(d, { id: 'rb', kind: 'attacks', source: 'thesis', target: 'a1' }, me))
    expect(room.act(ann, (d) => removeNodes(d, ['a1'], me)).ok).toBe(false)
    const annFree = room.join(writer('ann', { ownWork: false }))
    expect(room.act(annFree, (d) => removeNodes(d, ['a1'], me)).ok).toBe(true)
    expect(readGraph(room.server).relations).toEqual([])
  })
})

describe('recovery', () => {
  test('[PA9] the server files each deleted node with its relations and votes, who and when; an owner restores it as a new change', () => {
    const { room, teacher, ann, carl } = classroom()
    room.act(ann, (d) => setVote(d, { nodeId: 'a1', userId: 'ann', value: 4 }, me))
    expect(room.act(carl, (d) => removeNodes(d, ['a1'], me)).ok).toBe(true)
    const [entry] = readTrash(room.server)
    expect(entry).toMatchObject({ node: { id: 'a1', author: 'ann' }, deletedBy: { userId: 'carl' } })
    expect(entry!.relations.map((r) => r.id)).toEqual(['ra'])
    expect(entry!.votes.map((v) => v.key)).toEqual(['a1|ann'])
    // Only owners take entries out.
    expect(room.act(ann, (d) => restoreFromTrash(d, 'a1', me)).ok).toBe(false)
    expect(room.act(teacher, (d) => restoreFromTrash(d, 'a1', me)).ok).toBe(true)
    const graph = readGraph(room.server)
    expect(graph.nodes.find((n) => n.id === 'a1')?.text).toBe('Ann says')
    expect(graph.relations.map((r) => r.id)).toEqual(['ra'])
    expect(graph.votes.map((v) => `${v.nodeId}|${v.userId}`)).toEqual(['a1|ann', 'thesis|ann'])
    expect(readTrash(room.server)).toEqual([])
    // Credit and the own-work policy follow the original author.
    expect(readAuthorship(room.server).get('a1')).toMatchObject({
      createdBy: { userId: 'ann' },
      restoredBy: { userId: 'teacher' },
    })
    expect(room.act(ann, (d) => updateNode(d, 'a1', { text: 'mine again' }, me)).ok).toBe(true)
    expect(room.act(ann, (d) => removeNodes(d, ['a1'], me)).ok).toBe(true)
  })
})

test('[PA9] a node deleted together with its relations (as the editor does) is filed with them', () => {
  const { room, teacher } = classroom()
  expect(room.act(teacher, (d) => removeElements(d, { nodes: ['thesis'], relations: ['ra'] }, me)).ok).toBe(true)
  expect(readTrash(room.server)[0]?.relations.map((r) => r.id)).toEqual(['ra'])
  expect(room.act(teacher, (d) => restoreFromTrash(d, 'thesis', me)).ok).toBe(true)
  expect(readGraph(room.server).relations.map((r) => r.id)).toEqual(['ra'])
})
