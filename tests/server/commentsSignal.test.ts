import { afterAll, expect, test } from 'vitest'
import { createMemoryStore } from '@/server/store/memoryStore'
import { createRedisBus } from '@/server/sync/redisBus'
import { RoomRegistry } from '@/server/sync/RoomRegistry'
import type { ServerAwareness } from '@/server/sync/saveSignal'
import { REDIS_URL } from '../../harness/postgres'
import { eventually } from '../../harness/syncHarness'

/** [CM7] A comment change on one instance reaches the room of the same map on another, over the real Redis bus. */
const log = () => {}
const buses = [createRedisBus(REDIS_URL, log), createRedisBus(REDIS_URL, log)]
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()))
})

const revision = (room: { awareness: { getLocalState(): unknown } }) =>
  (room.awareness.getLocalState() as ServerAwareness | null)?.server?.comments ?? 0

test('[CM7] the comments revision crosses instances; each change raises it again', async () => {
  const store = createMemoryStore()
  const options = { delayMs: 0, compactAfter: 200, onError: () => {} }
  const a = new RoomRegistry(store, options, buses[0])
  const b = new RoomRegistry(store, options, buses[1])
  const mapId = `mSignal${Date.now().toString(36)}`
  await store.append(mapId, [new Uint8Array([0, 0])])
  const [roomA, roomB] = await Promise.all([a.acquire(mapId), b.acquire(mapId)])
  try {
    expect(revision(roomB)).toBe(0)
    roomA.commentsChanged()
    // Over real Redis: a shared machine can take seconds to deliver, so the wait is generous (it ends on the condition).
    await eventually(() => revision(roomB) > 0, 'instance B hears of the change', 15_000)
    const seen = revision(roomB)
    roomA.commentsChanged()
    await eventually(() => revision(roomB) > seen, 'and of the next one', 15_000)
  } finally {
    a.release(mapId)
    b.release(mapId)
    await Promise.all([a.closeAll(), b.closeAll()])
  }
})
