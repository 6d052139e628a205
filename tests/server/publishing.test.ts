import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import fc from 'fast-check'
import type { ArgNode, ArgumentMap } from '@/core/graph'
import { createAccess } from '@/server/auth/access'
import { createMapService, type MapService } from '@/server/maps'
import { createPublishing, type Publishing } from '@/server/publishing/service'
import { importMap } from '@/server/publishing/interchange'
import { Lru } from '@/server/publishing/lru'
import { PUBLISH_SLUG, publishSlug } from '@/server/publishing/slug'
import { createPrismaStore } from '@/server/store/prismaStore'
import { RoomRegistry } from '@/server/sync/RoomRegistry'
import type { Db } from '@/server/db/client'
import { freshSqliteDb } from '../../harness/db'
import * as Y from 'yjs'
import { SYSTEM_ORIGIN, addNode, bindAuthors, localOrigin } from '@/core/ydoc'

const node = (id: string, text: string, extra: Partial<ArgNode> = {}): ArgNode => ({
  id,
  kind: 'claim',
  text,
  x: 0,
  y: 0,
  pinned: false,
  ...extra,
})

const debate: ArgumentMap = {
  title: 'No grey zones',
  nodes: [
    node('thesis', 'Belarus must be inside Europe’s guarantees'),
    node('why', 'A grey zone is a green light', { kind: 'argument' }),
    node('q', 'Volker quote', { kind: 'evidence', quote: 'The grey zone is a green light!', speaker: 'Kurt Volker' }),
    node('obj', 'The regime cut the ties', { kind: 'objection' }),
  ],
  relations: [
    { id: 'r1', kind: 'supports', source: 'why', target: 'thesis' },
    { id: 'r2', kind: 'supports', source: 'q', target: 'why' },
    { id: 'r3', kind: 'attacks', source: 'obj', target: 'thesis' },
  ],
  votes: [],
}

let env: {
  db: Db
  maps: MapService
  pub: Publishing
  access: ReturnType<typeof createAccess>
  rooms: RoomRegistry
  dispose(): Promise<void>
  clock: { t: number }
}
let owner: string
let stranger: string

beforeEach(async () => {
  const fresh = freshSqliteDb()
  const store = createPrismaStore(fresh.db)
  const rooms = new RoomRegistry(store, { delayMs: 0, compactAfter: 200, onError: (e) => console.error(e) })
  const access = createAccess(fresh.db, () => {})
  const maps = createMapService(fresh.db, store, rooms, access)
  const clock = { t: 1_000_000 }
  const pub = createPublishing(fresh.db, maps, access, { cacheSize: 4, now: () => clock.t })
  env = { db: fresh.db, maps, pub, access, rooms, dispose: fresh.dispose, clock }
  owner = (await fresh.db.user.create({ data: { id: 'u-owner', name: 'Owner', email: 'o@example.org' } })).id
  stranger = (await fresh.db.user.create({ data: { id: 'u-other', name: 'Other', email: 'x@example.org' } })).id
})
afterEach(async () => {
  await env.dispose()
})

async function ownedMap(content = debate) {
  return env.maps.create({ title: content.title, content, ownerId: owner })
}

describe('publishing service', () => {
  test('[PA1] a published version names authors only where the owner allows it', async () => {
    const m = await ownedMap()
    // A node written under a clientID the server bound to Ann, as the update guard does.
    await env.rooms.withRoom(m.id, async (room) => {
      const doc = room.doc
      const writer = new Y.Doc()
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc))
      bindAuthors(doc, [writer.clientID], { userId: 'u-ann', name: 'Ann', color: '#336699' }, SYSTEM_ORIGIN)
      const before = Y.encodeStateVector(writer)
      addNode(writer, node('ann1', 'Ann writes'), localOrigin())
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer, before))
      await room.flush()
    })
    const hidden = await env.pub.publish(m.id, owner)
    if (!hidden.ok) throw new Error(hidden.error)
    expect((await env.pub.latest(hidden.slug))?.authorOf).toBeUndefined()
    await env.access.setSettings(m.id, { publishAuthors: true })
    const named = await env.pub.publish(m.id, owner)
    if (!named.ok) throw new Error(named.error)
    expect((await env.pub.latest(named.slug))?.authorOf).toEqual({ ann1: 'Ann' })
  })

  test('[PR12] the byline names the first owner only while it is on (off by default), on every version, and only owners set it', async () => {
    const m = await ownedMap()
    const r = await env.pub.publish(m.id, owner)
    if (!r.ok) throw new Error(r.error)
    await env.pub.publish(m.id, owner)
    expect((await env.pub.latest(r.slug))?.byline).toBeUndefined()
    expect((await env.pub.status(m.id))?.byline).toBe(false)

    expect(await env.pub.setByline(m.id, stranger, true)).toMatchObject({ ok: false })
    expect((await env.pub.status(m.id))?.byline).toBe(false)

    expect(await env.pub.setByline(m.id, owner, true)).toMatchObject({ ok: true })
    expect((await env.pub.latest(r.slug))?.byline).toBe('Owner')
    expect((await env.pub.version(r.slug, 1))?.byline).toBe('Owner') // read when served, not frozen

    await env.pub.setByline(m.id, owner, false)
    expect((await env.pub.latest(r.slug))?.byline).toBeUndefined()
    expect((await env.pub.version(r.slug, 1))?.byline).toBeUndefined()
  })

  test('first publish creates version 1 and a slug made from the title', async () => {
    const m = await ownedMap()
    const r = await env.pub.publish(m.id, owner)
    expect(r).toMatchObject({ ok: true, number: 1 })
    if (!r.ok) return
    expect(r.slug).toMatch(/^no-grey-zones-[a-z0-9]{5}$/)
    const v = await env.pub.latest(r.slug)
    expect(v?.number).toBe(1)
    expect(v?.map.nodes.map((n) => n.id).sort()).toEqual(['obj', 'q', 'thesis', 'why'])
    expect(v?.description).toBe('Belarus must be inside Europe’s guarantees')
    expect(v?.badges.thesis?.label).toMatch(/^(IN|OUT|UNDEC)$/)
    expect(v?.outline[0]).toMatchObject({ id: 'thesis' })
  })

  test('republishing adds a version, keeps the slug, and old versions do not change when the map does', async () => {
    const m = await ownedMap()
    const first = await env.pub.publish(m.id, owner)
    if (!first.ok) throw new Error(first.error)
    await env.maps.replaceContent(m.id, {
      ...debate,
      title: 'No grey zones, revised',
      nodes: [...debate.nodes, node('extra', 'A new claim')],
    })
    const second = await env.pub.publish(m.id, owner)
    expect(second).toEqual({ ok: true, slug: first.slug, number: 2 })

    // A third edit after publishing must not leak into either version.
    await env.maps.replaceContent(m.id, {
      ...debate,
      title: 'Third',
      nodes: [node('only', 'Only this')],
      relations: [],
    })
    const v1 = await env.pub.version(first.slug, 1)
    const v2 = await env.pub.version(first.slug, 2)
    expect(v1?.title).toBe('No grey zones')
    expect(v1?.map.nodes.some((n) => n.id === 'extra')).toBe(false)
    expect(v2?.title).toBe('No grey zones, revised')
    expect(v2?.map.nodes.some((n) => n.id === 'extra')).toBe(true)
    expect((await env.pub.latest(first.slug))?.number).toBe(2)
    expect(await env.pub.version(first.slug, 3)).toBeNull()
    const rows = await env.db.publishedVersion.findMany({ where: { mapId: m.id }, orderBy: { number: 'asc' } })
    expect(rows.map((r) => r.number)).toEqual([1, 2])
  })

  test('unpublish hides every version; republishing restores the same address', async () => {
    const m = await ownedMap()
    const r = await env.pub.publish(m.id, owner)
    if (!r.ok) throw new Error(r.error)
    await env.pub.publish(m.id, owner)
    expect(await env.pub.version(r.slug, 1)).not.toBeNull()
    await env.pub.unpublish(m.id, owner)
    expect(await env.pub.latest(r.slug)).toBeNull()
    expect(await env.pub.version(r.slug, 1)).toBeNull()
    expect(await env.pub.version(r.slug, 2)).toBeNull()
    const again = await env.pub.publish(m.id, owner)
    expect(again).toEqual({ ok: true, slug: r.slug, number: 3 })
    expect((await env.pub.version(r.slug, 1))?.number).toBe(1)
  })

  test('only owners can publish or unpublish', async () => {
    const m = await ownedMap()
    await env.db.map.update({ where: { id: m.id }, data: { publicRole: 'editor' } })
    await env.db.membership.create({ data: { mapId: m.id, userId: stranger, role: 'editor' } })
    expect(await env.pub.publish(m.id, stranger)).toEqual({ ok: false, error: 'Only owners can publish a map' })
    expect(await env.db.publishedVersion.count()).toBe(0)
    const r = await env.pub.publish(m.id, owner)
    if (!r.ok) throw new Error(r.error)
    expect(await env.pub.unpublish(m.id, stranger)).toMatchObject({ ok: false })
    expect(await env.pub.latest(r.slug)).not.toBeNull()
  })

  test('two maps with the same title get different slugs', async () => {
    const a = await env.pub.publish((await ownedMap()).id, owner)
    const b = await env.pub.publish((await ownedMap()).id, owner)
    expect(a.ok && b.ok && a.slug !== b.slug).toBe(true)
  })

  test('versions are served from the cache: a second read does not touch the database row', async () => {
    const m = await ownedMap()
    const r = await env.pub.publish(m.id, owner)
    if (!r.ok) throw new Error(r.error)
    const before = await env.pub.version(r.slug, 1)
    expect(env.pub.cachedVersions()).toEqual([`${m.id}:1`])
    // Corrupt the stored row: a cached version never reads it again.
    await env.db.publishedVersion.updateMany({ where: { mapId: m.id }, data: { content: 'garbage' } })
    const after = await env.pub.version(r.slug, 1)
    expect(after?.map).toEqual(before?.map)
  })

  test('a deletion by another process is noticed once the slug pointer expires', async () => {
    const m = await ownedMap()
    const r = await env.pub.publish(m.id, owner)
    if (!r.ok) throw new Error(r.error)
    expect(await env.pub.latest(r.slug)).not.toBeNull()
    await env.db.map.delete({ where: { id: m.id } })
    env.clock.t += 60_000
    expect(await env.pub.latest(r.slug)).toBeNull()
  })

  test('malformed slugs and version numbers are 404s without a lookup', async () => {
    expect(await env.pub.latest('../etc')).toBeNull()
    expect(await env.pub.latest('A'.repeat(10))).toBeNull()
    const r = await env.pub.publish((await ownedMap()).id, owner)
    if (!r.ok) throw new Error(r.error)
    for (const n of [0, -1, 1.5, Number.NaN]) expect(await env.pub.version(r.slug, n)).toBeNull()
  })
})

describe('import', () => {
  const argdown = '[Cars out]: Cars should leave the centre.\n  <+ [Air]: The air is bad.\n'

  test('a valid Argdown file becomes a map owned by the importer', async () => {
    const r = await importMap(env.maps, owner, { format: 'argdown', text: argdown, title: 'Town centre' })
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const meta = await env.maps.get(r.id)
    expect(meta?.title).toBe('Town centre')
    const graph = await env.maps.graph(r.id)
    expect(graph.nodes.map((n) => n.text).sort()).toEqual(['Cars should leave the centre.', 'The air is bad.'])
    // Laid out on import: the two nodes no longer share the origin.
    const [a, b] = graph.nodes
    expect(a!.x !== b!.x || a!.y !== b!.y).toBe(true)
    const member = await env.db.membership.findUnique({ where: { mapId_userId: { mapId: r.id, userId: owner } } })
    expect(member?.role).toBe('owner')
  })

  test.each([
    // [AD7] Only what @argdown/core itself rejects is an Argdown error (here: a definition with no text).
    ['argdown', '[A]: one\n\n[Empty]: {speaker: "nobody"}\n', /line \d+, column \d+/],
    [
      'json',
      '{"format":"crux","schemaVersion":1,"map":{"title":"t","nodes":[{"id":"a"}],"relations":[]}}',
      /^map\.nodes\[0\]/,
    ],
    ['aif', '{"nodes":[{"nodeID":"1","text":"x","type":"I"}],"edges":[{"edgeID":"1","fromID":"1","toID":"9"}]}', /./],
    ['json', 'not json at all', /^\$$/],
  ] as const)('a broken %s file names each problem and where, and creates nothing', async (format, text, where) => {
    const before = await env.db.map.count()
    const r = await importMap(env.maps, owner, { format, text })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.length).toBeGreaterThan(0)
    for (const e of r.errors) {
      expect(e.message).not.toBe('')
      expect(e.at).toMatch(where)
    }
    expect(await env.db.map.count()).toBe(before)
  })
})

test('[AD9] data Crux cannot use is a warning with its line, and the rest is imported', async () => {
  const r = await importMap(env.maps, owner, { format: 'argdown', text: '[A]: one\n  <+ [B]: two {kind: nonsense}\n' })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  expect(r.warnings).toEqual([{ message: expect.stringMatching(/^\[B\]: data kind ignored/), at: 'line 2, column 6' }])
})

describe('slugs and the LRU', () => {
  test('publishSlug always yields an address-safe slug', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.uint8Array({ minLength: 5, maxLength: 5 }), (title, bytes) => {
        const slug = publishSlug(title, () => bytes)
        expect(slug).toMatch(PUBLISH_SLUG)
        expect(slug.length).toBeLessThanOrEqual(80)
      }),
    )
  })

  test('the LRU keeps the most recently used entries up to its capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 8 })), { maxLength: 60 }),
        (cap, ops) => {
          const lru = new Lru<number, number>(cap)
          const model: number[] = [] // most recent last
          for (const [write, k] of ops) {
            if (write) {
              lru.set(k, k * 10)
              const i = model.indexOf(k)
              if (i >= 0) model.splice(i, 1)
              model.push(k)
              if (model.length > cap) model.shift()
            } else {
              const v = lru.get(k)
              expect(v).toBe(model.includes(k) ? k * 10 : undefined)
              if (model.includes(k)) {
                model.splice(model.indexOf(k), 1)
                model.push(k)
              }
            }
          }
          expect(lru.keys()).toEqual(model)
        },
      ),
    )
  })
})
