import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { loadSeedMaps } from '@/content/index'
import { SYSTEM_ORIGIN, updateNode } from '@/core/ydoc'
import { seedContentHash, seedMaps, type SeedMap } from '@/server/seed'
import { graphOf, testServices } from '../support/services'

let dispose: (() => Promise<void>) | undefined
afterEach(async () => dispose?.())

type Services = Awaited<ReturnType<typeof testServices>>['services']

async function editNode(services: Services, mapId: string, nodeId: string, text: string) {
  await services.sync.rooms.withRoom(mapId, async (room) => {
    updateNode(room.doc, nodeId, { text }, SYSTEM_ORIGIN)
    await room.flush()
  })
}

const atVersion = (seeds: SeedMap[], version: number): SeedMap[] => seeds.map((s) => ({ ...s, version }))
/** Laying out three seed maps with elk is CPU-bound: on a loaded machine it outlasts the default timeout. */
const SLOW = 60_000

/** The seed maps as content/ held them before seed versions existed (content version 1). */
const v1Seeds = () => loadSeedMaps(path.resolve(import.meta.dirname, '../fixtures/seeds-v1'))

test(
  '[SV1] seeding is idempotent, never overwrites edits at the same version, and restore brings the originals back',
  async () => {
    const t = await testServices()
    dispose = t.dispose
    const seeds = await loadSeedMaps()
    const first = await seedMaps(t.services, seeds)
    expect(first.map((o) => o.action)).toEqual(['created', 'created', 'created'])

    const target = first[0]!
    const original = await graphOf(t.services, target.id)
    expect(original.nodes.length).toBeGreaterThanOrEqual(12)
    // Seeds arrive without positions; they are laid out when written.
    expect(new Set(original.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(original.nodes.length)

    const edited = original.nodes[0]!
    await editNode(t.services, target.id, edited.id, 'edited by a teacher')

    const second = await seedMaps(t.services, seeds)
    expect(second.map((o) => o.action)).toEqual(['kept', 'kept', 'kept'])
    expect(second.map((o) => o.id)).toEqual(first.map((o) => o.id))
    expect((await graphOf(t.services, target.id)).nodes.find((n) => n.id === edited.id)?.text).toBe(
      'edited by a teacher',
    )
    expect((await t.services.maps.listFor(null)).length).toBe(3)

    await seedMaps(t.services, seeds, { restore: true })
    expect(await graphOf(t.services, target.id)).toEqual(original)
  },
  SLOW,
)

test(
  '[SV2] seed maps are viewer-only by default, and the configured role is applied to existing seed maps',
  async () => {
    const t = await testServices()
    dispose = t.dispose
    const seeds = await loadSeedMaps()
    const [first] = await seedMaps(t.services, seeds)
    expect((await t.services.maps.get(first!.id))?.publicRole).toBe('viewer')
    await seedMaps(t.services, seeds, { publicRole: 'editor' })
    expect((await t.services.maps.get(first!.id))?.publicRole).toBe('editor')
    expect((await t.services.access.grant(first!.id, null)).role).toBe('editor')
  },
  SLOW,
)

test(
  '[SV3] a newer seed version updates untouched seed maps in place, with no copy',
  async () => {
    const t = await testServices()
    dispose = t.dispose
    const old = await v1Seeds()
    const before = await seedMaps(t.services, old)
    const current = await loadSeedMaps()
    expect(current[0]!.version).toBeGreaterThan(old[0]!.version)

    const after = await seedMaps(t.services, current)
    expect(after.map((o) => [o.action, o.keptEditsIn])).toEqual(current.map(() => ['updated', undefined]))
    expect(after.map((o) => o.id)).toEqual(before.map((o) => o.id))
    for (const [i, seed] of current.entries()) {
      expect(seedContentHash(await graphOf(t.services, after[i]!.id)), seed.key).toBe(
        seedContentHash({ ...seed.map, title: seed.title }),
      )
    }
    expect((await t.services.maps.listFor(null)).length).toBe(3)
    // Up to date now: the next start keeps them.
    expect((await seedMaps(t.services, current)).map((o) => o.action)).toEqual(['kept', 'kept', 'kept'])
  },
  SLOW,
)

test(
  '[SV3] an installation seeded before versions existed is recognised as untouched by its content hash',
  async () => {
    const t = await testServices()
    dispose = t.dispose
    const old = await v1Seeds()
    await seedMaps(t.services, old)
    // What an installation from before seed versions holds: the maps, and no record of what was written.
    await t.services.db.setting.deleteMany({ where: { key: { startsWith: 'seed:' } } })
    const after = await seedMaps(t.services, await loadSeedMaps())
    expect(after.map((o) => [o.action, o.keptEditsIn])).toEqual([
      ['updated', undefined],
      ['updated', undefined],
      ['updated', undefined],
    ])
  },
  SLOW,
)

test(
  '[SV4] a seed map people edited keeps their version as a map of its own before it is updated',
  async () => {
    const t = await testServices()
    dispose = t.dispose
    const seeds = await loadSeedMaps()
    const [first] = await seedMaps(t.services, atVersion(seeds, 1), { publicRole: 'editor' })
    const nodeId = seeds[0]!.thesis
    await editNode(t.services, first!.id, nodeId, 'a teacher rewrote the thesis')

    const [updated, ...rest] = await seedMaps(t.services, atVersion(seeds, 2), { publicRole: 'editor' })
    expect(updated!.action).toBe('updated')
    expect(rest.map((o) => [o.action, o.keptEditsIn])).toEqual([
      ['updated', undefined],
      ['updated', undefined],
    ])
    const kept = updated!.keptEditsIn!
    expect(kept).toBeTruthy()
    expect((await graphOf(t.services, kept)).nodes.find((n) => n.id === nodeId)?.text).toBe(
      'a teacher rewrote the thesis',
    )
    const keptMeta = await t.services.maps.get(kept)
    expect(keptMeta?.seedKey).toBeNull()
    expect(keptMeta?.title).toMatch(/^No grey zones \(edits kept/)
    // The seed address shows the current analysis.
    expect((await graphOf(t.services, first!.id)).nodes.find((n) => n.id === nodeId)?.text).toBe(
      seeds[0]!.map.nodes.find((n) => n.id === nodeId)?.text,
    )
  },
  SLOW,
)
