import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { commentsRevisionIn } from '@/components/map/comments/useComments'
import { COMMENT_MAX } from '@/core/comments'
import { addNode, addRelation, localOrigin } from '@/core/ydoc'
import { CommentRefused } from '@/server/comments/service'
import { graphOf } from '../support/services'
import { eventually } from '../../harness/syncHarness'
import {
  honestClient,
  person,
  privateMap,
  restartedServer,
  serverDoc,
  startRealServer,
  type Person,
  type RealServer,
} from './security/realServer'

/** [CM] The comments service on a real SQLite database, with the real sync server announcing changes. */
let srv: RealServer
let owner: Person
let alice: Person
let bob: Person
let outsider: Person
let mapId: string
let nodeId: string
let relationId: string

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Facilitator Fay')
  alice = await person(srv.services, 'Alice Expert')
  bob = await person(srv.services, 'Bob Expert')
  outsider = await person(srv.services, 'Olga Outsider')
  mapId = await privateMap(srv.services, owner, [
    [alice, 'commenter'],
    [bob, 'editor'],
  ])
  await srv.services.sync.rooms.withRoom(mapId, (room) => {
    const o = localOrigin('seed')
    addNode(room.doc, { id: 'n1', kind: 'claim', text: 'Uniforms help', x: 0, y: 0, pinned: false }, o)
    addNode(room.doc, { id: 'n2', kind: 'argument', text: 'Less bullying', x: 0, y: 100, pinned: false }, o)
    addRelation(room.doc, { id: 'r1', kind: 'supports', source: 'n2', target: 'n1' }, o)
  })
  nodeId = 'n1'
  relationId = 'r1'
})
afterAll(() => srv.stop())

const as = (p: Person, owner = false) => ({ userId: p.id, owner })

describe('comments', () => {
  test('[CM1] [CM3] threads on nodes and relations: reply, edit and delete one’s own, resolve and reopen', async () => {
    const { comments } = srv.services
    const onNode = await comments.startThread(mapId, as(alice), {
      target: { kind: 'node', id: nodeId },
      body: '  Is this sourced?  ',
    })
    expect(onNode.comments.map((c) => c.body)).toEqual(['Is this sourced?'])
    const onRelation = await comments.startThread(mapId, as(bob), {
      target: { kind: 'relation', id: relationId },
      body: 'Weak link',
    })
    expect(onRelation.target).toEqual({ kind: 'relation', id: relationId })

    const replied = await comments.reply(mapId, onNode.id, as(bob), { body: 'Yes, see the survey' })
    expect(replied.comments.map((c) => [c.author.name, c.body])).toEqual([
      ['Alice Expert', 'Is this sourced?'],
      ['Bob Expert', 'Yes, see the survey'],
    ])
    const bobs = replied.comments[1]!.id
    // [CM3] Not someone else's: Alice cannot edit or delete Bob's reply; an owner may delete, not edit.
    await expect(comments.edit(mapId, onNode.id, bobs, as(alice), { body: 'hijacked' })).rejects.toMatchObject({
      status: 403,
    })
    await expect(comments.remove(mapId, onNode.id, bobs, as(alice))).rejects.toBeInstanceOf(CommentRefused)
    await expect(comments.edit(mapId, onNode.id, bobs, as(owner, true), { body: 'hijacked' })).rejects.toMatchObject({
      status: 403,
    })
    const edited = await comments.edit(mapId, onNode.id, bobs, as(bob), { body: 'Yes: the 2019 survey' })
    expect(edited.comments[1]).toMatchObject({ body: 'Yes: the 2019 survey', editedAt: expect.any(String) })
    await comments.remove(mapId, onNode.id, bobs, as(bob))
    const afterDelete = (await comments.list(mapId, as(alice))).find((t) => t.id === onNode.id)!
    expect(afterDelete.comments.map((c) => [c.deleted, c.body])).toEqual([
      [false, 'Is this sourced?'],
      [true, ''],
    ])

    const resolved = await comments.setResolved(mapId, onNode.id, as(alice), true)
    expect(resolved.resolved).toMatchObject({ by: 'Alice Expert' })
    expect((await comments.setResolved(mapId, onNode.id, as(bob), false)).resolved).toBeNull()
  })

  test('[CM4] limits: empty, too long and made-up targets are refused; hostile text is stored as the words it is', async () => {
    const { comments } = srv.services
    await expect(
      comments.startThread(mapId, as(alice), { target: { kind: 'node', id: nodeId }, body: '   ' }),
    ).rejects.toThrow()
    await expect(
      comments.startThread(mapId, as(alice), {
        target: { kind: 'node', id: nodeId },
        body: 'x'.repeat(COMMENT_MAX + 1),
      }),
    ).rejects.toThrow()
    await expect(
      comments.startThread(mapId, as(alice), { target: { kind: 'node', id: 'nope' }, body: 'hello' }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      comments.startThread(mapId, as(alice), { target: { kind: 'relation', id: nodeId }, body: 'hello' }),
    ).rejects.toMatchObject({ status: 400 })
    const hostile = '<img src=x onerror=alert(1)>\u202Eevil'
    const t = await comments.startThread(mapId, as(alice), { target: { kind: 'node', id: nodeId }, body: hostile })
    expect(t.comments[0]!.body).toBe('<img src=x onerror=alert(1)>evil')
  })

  test('[CM5] mentions name people with access; anyone else is dropped', async () => {
    const { comments } = srv.services
    const people = await comments.people(mapId)
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Alice Expert', 'Bob Expert', 'Facilitator Fay']))
    expect(people.map((p) => p.id)).not.toContain(outsider.id)
    const t = await comments.startThread(mapId, as(alice), {
      target: { kind: 'node', id: nodeId },
      body: '@Bob Expert and @Olga Outsider, look',
      mentions: [bob.id, outsider.id],
    })
    expect(t.comments[0]!.mentions).toEqual([{ id: bob.id, name: 'Bob Expert' }])
  })

  test('[CM6] a teachers-only thread is read by owners, its author and whom it mentions; nobody else finds it', async () => {
    const { comments } = srv.services
    const t = await comments.startThread(mapId, as(owner, true), {
      target: { kind: 'node', id: nodeId },
      body: 'Private feedback for @Alice Expert',
      mentions: [alice.id],
      visibility: 'teachers',
    })
    const sees = async (p: Person, isOwner = false) =>
      (await comments.list(mapId, as(p, isOwner))).some((x) => x.id === t.id)
    expect(await sees(owner, true)).toBe(true)
    expect(await sees(alice)).toBe(true)
    expect(await sees(bob)).toBe(false)
    expect((await comments.list(mapId, { userId: null, owner: false })).some((x) => x.id === t.id)).toBe(false)
    // Control: the same call on a thread Bob may read works.
    const open = await comments.startThread(mapId, as(alice), {
      target: { kind: 'node', id: nodeId },
      body: 'open to all',
    })
    await expect(comments.reply(mapId, open.id, as(bob), { body: 'seen' })).resolves.toMatchObject({ id: open.id })
    await expect(comments.reply(mapId, t.id, as(bob), { body: 'let me in' })).rejects.toMatchObject({ status: 404 })
    await expect(comments.setResolved(mapId, t.id, as(bob), true)).rejects.toMatchObject({ status: 404 })
  })

  test('[CM2] commenting never writes the map document', async () => {
    const watcher = await honestClient(srv, alice, mapId, 'commenter')
    try {
      const doc = await serverDoc(srv, mapId)
      const before = Y.encodeStateAsUpdate(doc)
      const t = await srv.services.comments.startThread(mapId, as(alice), {
        target: { kind: 'node', id: nodeId },
        body: 'no writes',
      })
      await srv.services.comments.reply(mapId, t.id, as(bob), { body: 'none here either' })
      await srv.services.comments.setResolved(mapId, t.id, as(alice), true)
      expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true)
    } finally {
      watcher.destroy()
    }
  })

  test('[CM7] everyone with the map open hears of a change at once, through the room', async () => {
    const watcher = await honestClient(srv, bob, mapId, 'editor')
    try {
      const seen = commentsRevisionIn(watcher.provider.awareness.getStates())
      await srv.services.comments.startThread(mapId, as(alice), { target: { kind: 'node', id: nodeId }, body: 'ping' })
      await eventually(
        () => commentsRevisionIn(watcher.provider.awareness.getStates()) > seen,
        'the comments revision reaches the client',
      )
      const next = commentsRevisionIn(watcher.provider.awareness.getStates())
      await srv.services.comments.setResolved(
        mapId,
        (await srv.services.comments.list(mapId, as(bob))).at(-1)!.id,
        as(bob),
        true,
      )
      await eventually(() => commentsRevisionIn(watcher.provider.awareness.getStates()) > next, 'again after resolving')
    } finally {
      watcher.destroy()
    }
  })

  test('comments survive a restart', async () => {
    const before = await srv.services.comments.list(mapId, as(owner, true))
    const restarted = await restartedServer(srv)
    try {
      expect(await restarted.services.comments.list(mapId, as(owner, true))).toEqual(before)
      expect((await graphOf(restarted.services, mapId)).nodes).toHaveLength(2)
    } finally {
      await restarted.stop()
    }
  })
})
