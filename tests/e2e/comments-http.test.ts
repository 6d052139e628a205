import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { addNode, localOrigin, nodesOf } from '@/core/ydoc'
import { connectClient, eventually } from '../../harness/syncHarness'
import { browserPerFile } from './support/browser'
import { createJoinCode, joinWithCode, newPerson, unique, type Person } from './support/accounts'
import { signUp, type Account } from './support/securityPeople'

/**
 * [CM1] [CM2] Comment permissions with raw HTTP requests against the production build: a viewer cannot
 * post, a commenter cannot write the map (not over the websocket, not through a route that needs more).
 * Every refusal has a control case where the right person succeeds the same way, and refusals are
 * checked by their effect, through the owner's eyes.
 */
describe('comment permissions over raw HTTP', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()
  let owner: Account
  let viewer: Person
  let commenter: Person
  let editor: Person
  let mapId: string

  const file = {
    format: 'crux',
    schemaVersion: 1,
    map: {
      title: 'Comment permissions',
      nodes: [{ id: 'n1', kind: 'claim', text: 'Uniforms help', x: 0, y: 0, pinned: false }],
      relations: [],
      votes: [],
    },
  }

  beforeAll(async () => {
    owner = await signUp(run.browser, baseURL)
    const res = await owner.request.post('/api/maps/import', {
      headers: { origin: baseURL },
      data: { format: 'json', text: JSON.stringify(file) },
    })
    expect(res.status()).toBe(200)
    mapId = ((await res.json()) as { id: string }).id
    const people: Person[] = []
    for (const role of ['viewer', 'commenter', 'editor'] as const) {
      const code = await createJoinCode(owner.page, mapId, role)
      const p = await newPerson(run.browser, baseURL, unique(role))
      await joinWithCode(p.page, code, p.name)
      people.push(p)
    }
    ;[viewer, commenter, editor] = people as [Person, Person, Person]
    run.keep(owner, ...people)
  })
  afterAll(async () => {})

  const post = (
    who: { context: Person['context'] },
    path: string,
    data: unknown,
    method: 'post' | 'patch' | 'delete' = 'post',
  ) => who.context.request[method](`/api/maps/${mapId}/comments${path}`, { headers: { origin: baseURL }, data })
  const bodiesSeenByOwner = async () => {
    const res = await owner.request.get(`/api/maps/${mapId}/comments`)
    expect(res.status()).toBe(200)
    const { threads } = (await res.json()) as {
      threads: Array<{ id: string; resolved: unknown; comments: Array<{ body: string }> }>
    }
    return threads
  }
  const target = { kind: 'node', id: 'n1' }

  test('[CM1] a viewer cannot post a comment; a commenter can, the same way', async () => {
    const refused = await post(viewer, '', { target, body: 'viewer was here' })
    expect(refused.status()).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    expect((await bodiesSeenByOwner()).flatMap((t) => t.comments.map((c) => c.body))).not.toContain('viewer was here')
    // The viewer still reads them.
    expect((await viewer.context.request.get(`/api/maps/${mapId}/comments`)).status()).toBe(200)

    const accepted = await post(commenter, '', { target, body: 'commenter was here' })
    expect(accepted.status()).toBe(200)
    const threadId = ((await accepted.json()) as { id: string }).id
    expect((await bodiesSeenByOwner()).find((t) => t.id === threadId)?.comments.map((c) => c.body)).toEqual([
      'commenter was here',
    ])

    // Replying and resolving need the commenter role too.
    expect((await post(viewer, `/${threadId}`, { body: 'sneaky reply' })).status()).toBe(403)
    expect((await post(viewer, `/${threadId}`, { resolved: true }, 'patch')).status()).toBe(403)
    expect((await post(commenter, `/${threadId}`, { body: 'a reply' })).status()).toBe(200)
    expect((await post(commenter, `/${threadId}`, { resolved: true }, 'patch')).status()).toBe(200)
    const after = (await bodiesSeenByOwner()).find((t) => t.id === threadId)!
    expect(after.comments.map((c) => c.body)).toEqual(['commenter was here', 'a reply'])
    expect(after.resolved).not.toBeNull()
  })

  test('[CM3] nobody edits or deletes someone else’s comment; the author does', async () => {
    const res = await post(commenter, '', { target, body: 'mine to change' })
    const thread = (await res.json()) as { id: string; comments: Array<{ id: string }> }
    const path = `/${thread.id}/${thread.comments[0]!.id}`
    expect((await post(editor, path, { body: 'not yours' }, 'patch')).status()).toBe(403)
    expect((await post(editor, path, undefined, 'delete')).status()).toBe(403)
    expect((await post(commenter, path, { body: 'changed by me' }, 'patch')).status()).toBe(200)
    expect((await bodiesSeenByOwner()).find((t) => t.id === thread.id)?.comments.map((c) => c.body)).toEqual([
      'changed by me',
    ])
  })

  test('[CM4] bad input is refused before anything is stored: empty, too long, unknown target, not JSON', async () => {
    const before = (await bodiesSeenByOwner()).length
    expect((await post(commenter, '', { target, body: '   ' })).status()).toBe(400)
    expect((await post(commenter, '', { target, body: 'x'.repeat(2001) })).status()).toBe(400)
    expect((await post(commenter, '', { target: { kind: 'node', id: 'nope' }, body: 'hello' })).status()).toBe(400)
    expect((await post(commenter, '', { target: { kind: 'banana', id: 'n1' }, body: 'hello' })).status()).toBe(400)
    const notJson = await commenter.context.request.post(`/api/maps/${mapId}/comments`, {
      headers: { origin: baseURL, 'content-type': 'application/json' },
      data: '{',
    })
    expect(notJson.status()).toBe(400)
    // [PH3] and from another site, nothing at all.
    expect(
      (
        await commenter.context.request.post(`/api/maps/${mapId}/comments`, {
          headers: { origin: 'https://evil.example' },
          data: { target, body: 'csrf' },
        })
      ).status(),
    ).toBe(403)
    expect((await bodiesSeenByOwner()).length).toBe(before)
  })

  test('[CM2] [HI3] history writes need an owner: a commenter or editor cannot checkpoint or restore; the owner can', async () => {
    const named = (who: { context: Person['context'] }) =>
      who.context.request.post(`/api/maps/${mapId}/history`, { headers: { origin: baseURL }, data: { name: 'a name' } })
    for (const who of [commenter, editor]) expect((await named(who)).status()).toBe(403)
    const ownerNamed = await owner.request.post(`/api/maps/${mapId}/history`, {
      headers: { origin: baseURL },
      data: { name: 'Agreed' },
    })
    expect(ownerNamed.status()).toBe(200)
    const cp = (await ownerNamed.json()) as { id: string }
    const list = async () =>
      (
        (await (await owner.request.get(`/api/maps/${mapId}/history`)).json()) as {
          checkpoints: Array<{ id: string; name: string | null }>
        }
      ).checkpoints
    expect((await list()).filter((c) => c.name === 'a name')).toEqual([])
    // Everyone who may view reads the timeline and the checkpoint.
    expect((await viewer.context.request.get(`/api/maps/${mapId}/history/${cp.id}`)).status()).toBe(200)
    const restore = (who: { context: Person['context'] }) =>
      who.context.request.post(`/api/maps/${mapId}/history/${cp.id}/restore`, {
        headers: { origin: baseURL },
        data: {},
      })
    const before = (await list()).length
    for (const who of [viewer, commenter, editor]) expect((await restore(who)).status()).toBe(403)
    expect((await list()).length).toBe(before)
    const ok = await owner.request.post(`/api/maps/${mapId}/history/${cp.id}/restore`, {
      headers: { origin: baseURL },
      data: {},
    })
    expect(ok.status()).toBe(200)
    expect((await list()).length).toBe(before + 2)
  })

  test('[CM2] [PS4] a commenter cannot write the map over the websocket; an editor can, the same way', async () => {
    const wsUrl = `${baseURL.replace(/^http/, 'ws')}/ws`
    const tryWrite = async (who: Person, nodeId: string) => {
      const tokenRes = await who.context.request.get(`/api/maps/${mapId}/token`)
      const { token, role } = (await tokenRes.json()) as { token: string; role: string }
      const client = connectClient(wsUrl, mapId, new Y.Doc(), { token }, { origin: baseURL })
      await client.synced
      addNode(
        client.doc,
        { id: nodeId, kind: 'claim', text: `written by a ${role}`, x: 0, y: 0, pinned: false },
        localOrigin(),
      )
      return { client, role }
    }
    const ownerSees = async (nodeId: string) => {
      const res = await owner.request.get(`/api/maps/${mapId}/export?format=json`)
      return ((await res.json()) as { map: { nodes: Array<{ id: string }> } }).map.nodes.some((n) => n.id === nodeId)
    }
    const refused = await tryWrite(commenter, 'fromCommenter')
    expect(refused.role).toBe('commenter')
    const accepted = await tryWrite(editor, 'fromEditor')
    try {
      // The editor's write arrives; the commenter's, sent first on a socket as live, never does.
      await eventually(
        () => nodesOf(refused.client.doc).has('fromEditor'),
        "the editor's node reaches the commenter",
        10_000,
      )
      await expect.poll(() => ownerSees('fromEditor')).toBe(true)
      expect(await ownerSees('fromCommenter')).toBe(false)
      expect(nodesOf(accepted.client.doc).has('fromCommenter')).toBe(false)
    } finally {
      refused.client.destroy()
      accepted.client.destroy()
    }
  })
})
