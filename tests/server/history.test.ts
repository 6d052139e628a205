import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addNode, localOrigin, nodesOf, readGraph, removeNodes, updateNode } from '@/core/ydoc'
import { eventually } from '../../harness/syncHarness'
import {
  honestClient,
  person,
  privateMap,
  restartedServer,
  startRealServer,
  type Person,
  type RealServer,
} from './security/realServer'

/** [HI] History on the real sync server and SQLite: stock y-websocket clients make the changes. */
let srv: RealServer
let owner: Person
let expert: Person
const by = () => ({ userId: owner.id, name: owner.name, color: '#123456' })

beforeAll(async () => {
  // Short interval so the automatic checkpoint is seen in a test; a tiny compaction threshold so compaction runs.
  srv = await startRealServer({ CHECKPOINT_EVERY_MS: '1000', COMPACT_AFTER: '3' })
  owner = await person(srv.services, 'Facilitator')
  expert = await person(srv.services, 'Expert')
})
afterAll(() => srv.stop())

const node = (id: string, text: string) => ({ id, kind: 'claim' as const, text, x: 0, y: 0, pinned: false })

describe('history', () => {
  test('[HI1] an automatic checkpoint after activity, and one when the session ends; unchanged maps get none', async () => {
    const mapId = await privateMap(srv.services, owner, [[expert, 'editor']])
    const client = await honestClient(srv, expert, mapId, 'editor')
    addNode(client.doc, node('a', 'first'), localOrigin())
    const { history } = srv.services
    await expect.poll(async () => (await history.list(mapId)).map((c) => c.kind), { timeout: 5000 }).toEqual(['auto'])
    updateNode(client.doc, 'a', { text: 'second' }, localOrigin())
    client.destroy()
    await expect
      .poll(async () => (await history.list(mapId)).map((c) => c.kind), { timeout: 5000 })
      .toEqual(['auto', 'session'])
    const [auto, session] = await history.list(mapId)
    expect((await history.graphAt(mapId, auto!.id)).nodes.map((n) => n.text)).toEqual(['first'])
    expect((await history.graphAt(mapId, session!.id)).nodes.map((n) => n.text)).toEqual(['second'])
    // Opening and leaving without a change adds nothing.
    const again = await honestClient(srv, expert, mapId, 'editor')
    again.destroy()
    await eventually(() => !srv.services.sync.rooms.live(mapId), 'the room closes')
    expect(await history.list(mapId)).toHaveLength(2)
  })

  test('[HI2] [HI4] a diff lists what changed; compaction and garbage collection leave every checkpoint readable', async () => {
    const mapId = await privateMap(srv.services, owner, [[expert, 'editor']])
    const client = await honestClient(srv, expert, mapId, 'editor')
    const o = localOrigin()
    addNode(client.doc, node('keep', 'kept'), o)
    addNode(client.doc, node('gone', 'deleted later'), o)
    await eventually(() => srv.services.sync.rooms.live(mapId) !== undefined, 'room open')
    await expect.poll(async () => (await srv.services.maps.graph(mapId)).nodes.length).toBe(2)
    const first = await srv.services.history.named(mapId, 'Two nodes', by())
    removeNodes(client.doc, ['gone'], o)
    updateNode(client.doc, 'keep', { text: 'kept, reworded' }, o)
    addNode(client.doc, node('fresh', 'new'), o)
    for (let i = 0; i < 10; i++) updateNode(client.doc, 'keep', { x: i * 10 }, o)
    await expect
      .poll(async () => (await srv.services.maps.graph(mapId)).nodes.map((n) => n.id).sort())
      .toEqual(['fresh', 'keep'])
    // The live log was compacted meanwhile (COMPACT_AFTER 3).
    await expect.poll(() => srv.services.store.logLength(mapId)).toBeLessThan(4)
    const diff = await srv.services.history.diff(mapId, first.id)
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['fresh'])
    expect(diff.nodes.removed.map((n) => n.text)).toEqual(['deleted later'])
    expect(diff.nodes.changed.map((c) => [c.id, c.fields])).toEqual([['keep', ['text', 'x']]])
    // The deleted node's words are gone from the live doc (garbage collected) but not from the checkpoint.
    expect((await srv.services.history.graphAt(mapId, first.id)).nodes.map((n) => n.text).sort()).toEqual([
      'deleted later',
      'kept',
    ])
    client.destroy()
  })

  test('[HI3] a restore lands on the live room on top of later work, is bracketed by checkpoints, and can be undone', async () => {
    const mapId = await privateMap(srv.services, owner, [[expert, 'editor']])
    const client = await honestClient(srv, expert, mapId, 'editor')
    const o = localOrigin()
    addNode(client.doc, node('thesis', 'Uniforms help'), o)
    addNode(client.doc, node('reason', 'Less bullying'), o)
    await expect.poll(async () => (await srv.services.maps.graph(mapId)).nodes.length).toBe(2)
    const cp = await srv.services.history.named(mapId, 'Agreed wording', by())
    updateNode(client.doc, 'thesis', { text: 'Uniforms harm' }, o)
    removeNodes(client.doc, ['reason'], o)
    addNode(client.doc, node('later', 'Added after the checkpoint'), o)
    await expect
      .poll(async () => (await srv.services.maps.graph(mapId)).nodes.map((n) => n.id).sort())
      .toEqual(['later', 'thesis'])

    const result = await srv.services.history.restore(mapId, cp.id, {}, by())
    expect(result.touched.sort()).toEqual(['reason', 'thesis'])
    // Everyone connected receives it as a change; the later node stays.
    await eventually(() => nodesOf(client.doc).has('reason'), 'the restore reaches the client')
    const seen = readGraph(client.doc)
    expect(seen.nodes.map((n) => [n.id, n.text]).sort()).toEqual([
      ['later', 'Added after the checkpoint'],
      ['reason', 'Less bullying'],
      ['thesis', 'Uniforms help'],
    ])
    const kinds = (await srv.services.history.list(mapId)).map((c) => [c.kind, c.name])
    expect(kinds.slice(-2)).toEqual([
      ['restore', 'Before restoring Agreed wording'],
      ['restore', 'Restored Agreed wording'],
    ])
    // Undo: the touched nodes back to the checkpoint just before, what the restore brought back removed again.
    await srv.services.history.restore(mapId, result.before.id, { nodes: result.touched, removeNewer: true }, by())
    await eventually(() => !nodesOf(client.doc).has('reason'), 'the undo reaches the client')
    expect(
      readGraph(client.doc)
        .nodes.map((n) => [n.id, n.text])
        .sort(),
    ).toEqual([
      ['later', 'Added after the checkpoint'],
      ['thesis', 'Uniforms harm'],
    ])
    client.destroy()
  })

  test('checkpoints survive a restart', async () => {
    const mapId = await privateMap(srv.services, owner, [])
    const cp = await srv.services.history.named(mapId, 'Before the restart', by())
    const restarted = await restartedServer(srv)
    try {
      expect((await restarted.services.history.list(mapId)).map((c) => c.id)).toContain(cp.id)
      expect((await restarted.services.history.graphAt(mapId, cp.id)).nodes).toEqual([])
    } finally {
      await restarted.stop()
    }
  })
})
