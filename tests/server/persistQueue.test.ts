import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph, updateNode } from '@/core/ydoc'
import { MapGoneError } from '@/server/store/MapStore'
import { MERGE_PENDING_AT, PersistQueue, backoffMs, type PersistOptions } from '@/server/sync/persistQueue'
import { controlledStore } from '../support/controlledStore'

/**
 * [DU1]–[DU3] The persist queue against a store the test controls, on fake
 * timers: the test decides when time passes, so back-off and group-commit
 * windows are checked exactly and nothing sleeps.
 */
const me = localOrigin()
const options: PersistOptions = {
  delayMs: 50,
  busDelayMs: 250,
  compactAfter: 1000,
  onError: () => {},
  maxBackoffMs: 5000,
  slowMs: 2000,
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9, 30) })
})
afterEach(() => {
  vi.useRealTimers()
})

/** A doc whose every update is pushed to the queue, as a room does. */
function writer(queue: PersistQueue) {
  const doc = new Y.Doc()
  doc.on('update', (u: Uint8Array) => queue.push(u))
  return {
    doc,
    add(id: string, text = id) {
      addNode(doc, { id, kind: 'claim', text, x: 0, y: 0, pinned: false }, me)
    },
  }
}

async function storedNodes(store: ReturnType<typeof controlledStore>, mapId = 'm'): Promise<string[]> {
  const doc = new Y.Doc()
  for (const u of (await store.inner.load(mapId)).updates) Y.applyUpdate(doc, u)
  return readGraph(doc).nodes.map((n) => `${n.id}:${n.text}`)
}

describe('PersistQueue', () => {
  test('[DU1] updates within one window go to the store as one append', async () => {
    const c = controlledStore()
    const q = new PersistQueue(c.store, 'm', options)
    const w = writer(q)
    for (let i = 0; i < 10; i++) w.add(`n${i}`)
    await vi.advanceTimersByTimeAsync(49)
    expect(c.attempts).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(c.attempts).toHaveLength(1)
    expect(await storedNodes(c)).toHaveLength(10)
    expect(q.lagMs()).toBe(0)
  })

  test('[DU3] an update from the bus waits the longer bus window, a local one cuts it short', async () => {
    const c = controlledStore()
    const q = new PersistQueue(c.store, 'm', options)
    const other = new Y.Doc()
    other.on('update', (u: Uint8Array) => q.push(u, 'bus'))
    addNode(other, { id: 'remote', kind: 'claim', text: 'remote', x: 0, y: 0, pinned: false }, me)
    await vi.advanceTimersByTimeAsync(249)
    expect(c.attempts).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(c.attempts).toHaveLength(1)

    addNode(other, { id: 'remote2', kind: 'claim', text: 'r', x: 0, y: 0, pinned: false }, me)
    writer(q).add('local')
    await vi.advanceTimersByTimeAsync(50)
    expect(c.attempts).toHaveLength(2)
    expect(await storedNodes(c)).toEqual(['local:local', 'remote:remote', 'remote2:r'])
  })

  test('[DU1] a store failing far more than six times in a row loses nothing, backing off up to the cap', async () => {
    const c = controlledStore()
    const errors: unknown[] = []
    const q = new PersistQueue(c.store, 'm', { ...options, onError: (e) => errors.push(e) })
    const w = writer(q)
    c.set('fail')
    w.add('before')
    await vi.advanceTimersByTimeAsync(60_000)
    const failed = c.attempts.filter((a) => !a.ok)
    expect(failed.length).toBeGreaterThan(6)
    expect(errors).toHaveLength(failed.length)
    const gaps = failed.slice(1).map((a, i) => a.at - failed[i]!.at)
    expect(gaps.slice(0, 6)).toEqual([100, 200, 400, 800, 1600, 3200])
    expect(Math.max(...gaps)).toBe(5000)
    expect(gaps.slice(6).every((g) => g === 5000)).toBe(true)

    w.add('during')
    c.set('ok')
    await vi.advanceTimersByTimeAsync(5000)
    expect(await storedNodes(c)).toEqual(['before:before', 'during:during'])
    // The retried batch absorbed what arrived meanwhile: one row, not one per edit.
    expect(c.attempts.filter((a) => a.ok)).toHaveLength(1)
  })

  test('[DU1] during a long outage memory stays one merged update about the size of the doc', async () => {
    const c = controlledStore()
    let doc: Y.Doc | undefined
    const q = new PersistQueue(c.store, 'm', { ...options, compressAboveBytes: 4096 }, undefined, () =>
      Y.encodeStateAsUpdate(doc!),
    )
    const w = writer(q)
    doc = w.doc
    w.add('n', '')
    c.set('fail')
    // The bound below allows MERGE_PENDING_AT fresh updates on top of the doc: as large as one revision is.
    let largestUpdate = 0
    w.doc.on('update', (u: Uint8Array) => (largestUpdate = Math.max(largestUpdate, u.byteLength)))
    for (let i = 0; i < 3000; i++) {
      updateNode(w.doc, 'n', { text: `revision ${i}` }, me)
      if (i % 100 === 0) await vi.advanceTimersByTimeAsync(1000)
    }
    expect(q.pendingCount).toBeLessThan(MERGE_PENDING_AT)
    // 3,000 revisions typed ~30 KB; the backlog stays under the bound, max(4 KB, the doc's size), plus fresh updates.
    // A merged backlog keeps the content of its own recent deletions, which the doc has already collected:
    // hence a tenth more than the doc's own encoding.
    expect(q.pendingBytes).toBeLessThan(
      Math.max(4096, Y.encodeStateAsUpdate(w.doc).byteLength) * 1.1 + MERGE_PENDING_AT * largestUpdate,
    )
    c.set('ok')
    await vi.advanceTimersByTimeAsync(5000)
    expect(await storedNodes(c)).toEqual(['n:revision 2999'])
    expect(q.pendingBytes).toBe(0)
  })

  test('[DU2] a failing store raises "not saved since" the first unsaved edit, and clears it once saved', async () => {
    const c = controlledStore()
    const states: Array<number | null> = []
    const q = new PersistQueue(c.store, 'm', options, (s) => states.push(s))
    const w = writer(q)
    w.add('saved')
    await vi.advanceTimersByTimeAsync(50)
    expect(states).toEqual([])

    c.set('fail')
    const firstUnsaved = Date.now()
    w.add('unsaved')
    await vi.advanceTimersByTimeAsync(1000)
    w.add('later')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(states).toEqual([firstUnsaved])
    expect(q.unsavedSince).toBe(firstUnsaved)
    expect(q.lagMs()).toBe(Date.now() - firstUnsaved)

    c.set('ok')
    await vi.advanceTimersByTimeAsync(5000)
    expect(states).toEqual([firstUnsaved, null])
    expect(q.unsavedSince).toBeNull()
    expect(await storedNodes(c)).toEqual(['later:later', 'saved:saved', 'unsaved:unsaved'])
  })

  test('[DU2] a store that hangs is "not saved" after slowMs, and clears when the append lands', async () => {
    const c = controlledStore()
    const states: Array<number | null> = []
    const q = new PersistQueue(c.store, 'm', options, (s) => states.push(s))
    const w = writer(q)
    c.set('hang')
    const t0 = Date.now()
    w.add('slow')
    await vi.advanceTimersByTimeAsync(50 + 1999)
    expect(states).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(states).toEqual([t0])
    c.set('ok')
    c.release()
    await vi.advanceTimersByTimeAsync(0)
    expect(states).toEqual([t0, null])
    expect(await storedNodes(c)).toEqual(['slow:slow'])
  })

  test('[DU1] flush cuts a back-off short, so a stop retries at once', async () => {
    const c = controlledStore()
    const q = new PersistQueue(c.store, 'm', options)
    const w = writer(q)
    c.set('fail')
    w.add('x')
    await vi.advanceTimersByTimeAsync(20_000)
    const before = c.attempts.length
    c.set('ok')
    let done = false
    void q.flush().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(true)
    expect(c.attempts).toHaveLength(before + 1)
  })

  test('[DU1] a map deleted under the queue ends its retries (nothing left to save to)', async () => {
    const c = controlledStore()
    const gone = { ...c.store, append: async () => Promise.reject(new MapGoneError('m')) }
    const errors: unknown[] = []
    const q = new PersistQueue(gone, 'm', { ...options, onError: (e) => errors.push(e) })
    writer(q).add('x')
    await vi.advanceTimersByTimeAsync(50)
    await q.flush()
    expect(q.pendingBytes).toBe(0)
    expect(errors).toEqual([])
  })

  test('[DU1] compaction runs once the log reaches compactAfter, and a failed one is retried later', async () => {
    const c = controlledStore()
    const q = new PersistQueue(c.store, 'm', { ...options, compactAfter: 3 })
    q.loaded(1)
    const w = writer(q)
    c.failCompactions(true)
    w.add('a')
    await vi.advanceTimersByTimeAsync(50)
    expect(c.compactions).toBe(0)
    w.add('b')
    await vi.advanceTimersByTimeAsync(50)
    expect(c.compactions).toBe(1)
    expect(await c.inner.logLength('m')).toBe(2)

    c.failCompactions(false)
    w.add('c')
    await vi.advanceTimersByTimeAsync(50)
    expect(c.compactions).toBe(2)
    expect(await c.inner.logLength('m')).toBe(0)
    expect(await storedNodes(c)).toEqual(['a:a', 'b:b', 'c:c'])
  })

  test('[DU9] each successful append reports how long its oldest edit waited, a failed one nothing until it lands', async () => {
    const c = controlledStore()
    const waits: number[] = []
    const q = new PersistQueue(c.store, 'm', { ...options, onCommitted: (ms) => waits.push(ms) })
    const w = writer(q)
    w.add('a')
    await vi.advanceTimersByTimeAsync(30)
    w.add('b')
    await vi.advanceTimersByTimeAsync(20)
    expect(waits).toEqual([50])
    c.set('fail')
    w.add('c')
    await vi.advanceTimersByTimeAsync(50 + 100 + 200)
    expect(waits).toEqual([50])
    c.set('ok')
    await vi.advanceTimersByTimeAsync(400)
    expect(waits).toHaveLength(2)
    expect(waits[1]).toBeGreaterThanOrEqual(50 + 100 + 200 + 400)
  })

  test('[ST8] group commits fire on a shared grid: two queues with edits at different times append on the same tick', async () => {
    const c = controlledStore()
    const [q1, q2] = [new PersistQueue(c.store, 'm1', options), new PersistQueue(c.store, 'm2', options)]
    vi.setSystemTime(Date.UTC(2026, 0, 1, 9, 30, 0, 7))
    writer(q1).add('a')
    await vi.advanceTimersByTimeAsync(21)
    writer(q2).add('b')
    await vi.advanceTimersByTimeAsync(21)
    expect(c.attempts).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(c.attempts.map((a) => a.at)).toEqual([
      Date.UTC(2026, 0, 1, 9, 30, 0, 50),
      Date.UTC(2026, 0, 1, 9, 30, 0, 50),
    ])
  })

  test('[DU1] back-off doubles from 100 ms and stops at its cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 60].map((n) => backoffMs(n, 5000))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ])
  })
})
