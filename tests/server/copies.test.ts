import { afterEach, expect, test } from 'vitest'
import { loadSeedMaps } from '@/content/index'
import { SYSTEM_ORIGIN, setVote } from '@/core/ydoc'
import { copyMap } from '@/server/copies'
import { seedMaps } from '@/server/seed'
import { graphOf, testServices } from '../support/services'

let dispose: (() => Promise<void>) | undefined
afterEach(async () => dispose?.())

test('[PR11] a guest copies a viewer-only seed map: the copy is theirs alone, without votes, and the original is unchanged', async () => {
  const t = await testServices()
  dispose = t.dispose
  // One seed map is enough (laying out all three is slow on a loaded machine).
  const [seed] = await seedMaps(t.services, (await loadSeedMaps()).slice(0, 1))
  await t.services.sync.rooms.withRoom(seed!.id, async (room) => {
    setVote(room.doc, { nodeId: 's-no-grey-zones', userId: 'someone', value: 4 }, SYSTEM_ORIGIN)
    await room.flush()
  })
  const before = await graphOf(t.services, seed!.id)
  const guest = await t.services.accounts.createGuest('Pupil')
  expect((await t.services.access.grant(seed!.id, guest.id)).role).toBe('viewer')

  const result = await copyMap(t.services, seed!.id, guest.id)
  if (!result.ok) throw new Error(result.error)
  expect(result.id).not.toBe(seed!.id)
  const copy = await graphOf(t.services, result.id)
  expect(copy.title).toBe('Copy of No grey zones')
  expect(copy.nodes).toEqual(before.nodes)
  expect(copy.relations).toEqual(before.relations)
  expect(copy.votes).toEqual([])
  const meta = await t.services.maps.get(result.id)
  expect(meta).toMatchObject({ title: 'Copy of No grey zones', seedKey: null, publicRole: 'none' })
  expect((await t.services.access.grant(result.id, guest.id)).role).toBe('owner')
  // Nobody else can open it.
  const other = await t.services.accounts.createGuest('Other pupil')
  expect((await t.services.access.grant(result.id, other.id)).role).toBeNull()
  expect(await graphOf(t.services, seed!.id)).toEqual(before)
})

test('[PR11] a guest who joined a private map with a viewer code can copy it', async () => {
  const t = await testServices()
  dispose = t.dispose
  const teacher = await t.services.accounts.createGuest('Teacher')
  const template = await t.services.maps.create({ title: 'Template', ownerId: teacher.id })
  const link = await t.services.access.createShareLink(template.id, teacher.id, {
    role: 'viewer',
    expiresAt: null,
    group: null,
  })
  const pupil = await t.services.accounts.createGuest('Pupil')
  const joined = await t.services.access.redeem(link.code, pupil.id)
  expect(joined.ok).toBe(true)

  const result = await copyMap(t.services, template.id, pupil.id)
  if (!result.ok) throw new Error(result.error)
  expect((await t.services.access.grant(result.id, pupil.id)).role).toBe('owner')
  expect((await t.services.access.grant(template.id, pupil.id)).role).toBe('viewer')
})

test('[PR11] a person who may not view a map cannot copy it, and nothing is created', async () => {
  const t = await testServices()
  dispose = t.dispose
  const owner = await t.services.accounts.createGuest('Owner')
  const closed = await t.services.maps.create({ title: 'Private', ownerId: owner.id })
  const stranger = await t.services.accounts.createGuest('Stranger')
  const before = await t.services.db.map.count()

  expect(await copyMap(t.services, closed.id, stranger.id)).toEqual({ ok: false, error: 'No such map' })
  expect(await copyMap(t.services, 'm-missing', stranger.id)).toEqual({ ok: false, error: 'No such map' })
  expect(await t.services.db.map.count()).toBe(before)
  // The owner may.
  expect((await copyMap(t.services, closed.id, owner.id)).ok).toBe(true)
})
