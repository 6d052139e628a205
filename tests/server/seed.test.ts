import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { loadSeedMaps } from '@/content/index'
import { SYSTEM_ORIGIN, readGraph, updateNode } from '@/core/ydoc'
import { seedMaps } from '@/server/seed'
import { testServices } from '../support/services'

let dispose: (() => Promise<void>) | undefined
afterEach(async () => dispose?.())

async function graphOf(services: Awaited<ReturnType<typeof testServices>>['services'], id: string) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await services.maps.snapshot(id))
  return readGraph(doc)
}

test('seeding is idempotent, never overwrites edits, and restore brings the originals back', async () => {
  const t = await testServices()
  dispose = t.dispose
  const seeds = await loadSeedMaps()
  const first = await seedMaps(t.services.maps, seeds)
  expect(first.map((o) => o.action)).toEqual(['created', 'created', 'created'])

  const target = first[0]!
  const original = await graphOf(t.services, target.id)
  expect(original.nodes.length).toBeGreaterThanOrEqual(12)
  // Seeds arrive without positions; they are laid out when written.
  expect(new Set(original.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(original.nodes.length)

  const edited = original.nodes[0]!
  await t.services.sync.rooms.withRoom(target.id, async (room) => {
    updateNode(room.doc, edited.id, { text: 'edited by a teacher' }, SYSTEM_ORIGIN)
    await room.flush()
  })

  const second = await seedMaps(t.services.maps, seeds)
  expect(second.map((o) => o.action)).toEqual(['kept', 'kept', 'kept'])
  expect(second.map((o) => o.id)).toEqual(first.map((o) => o.id))
  expect((await graphOf(t.services, target.id)).nodes.find((n) => n.id === edited.id)?.text).toBe('edited by a teacher')
  expect((await t.services.maps.listFor(null)).length).toBe(3)

  await seedMaps(t.services.maps, seeds, { restore: true })
  expect(await graphOf(t.services, target.id)).toEqual(original)
})
