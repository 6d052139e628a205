import type { MapStore } from '@/server/store/MapStore'
import { createMemoryStore } from '@/server/store/memoryStore'

export type StoreMode = 'ok' | 'fail' | 'hang'

/**
 * A MapStore the test steers: healthy, failing every write (a full disk, a
 * locked file, a lost connection) or hanging (a slow database, released by
 * `release()`). It records every append attempt with its time.
 */
export function controlledStore(inner: MapStore = createMemoryStore()) {
  let mode: StoreMode = 'ok'
  const attempts: Array<{ at: number; ok: boolean }> = []
  let compactions = 0
  let failCompaction = false
  const hung: Array<() => void> = []
  const store: MapStore = {
    ...inner,
    async append(mapId, updates) {
      if (mode === 'hang') await new Promise<void>((r) => hung.push(r))
      const ok = mode !== 'fail'
      attempts.push({ at: Date.now(), ok })
      if (!ok) throw new Error('SQLITE_FULL: database or disk is full')
      return inner.append(mapId, updates)
    },
    async compact(mapId, snapshot, upTo) {
      compactions++
      if (failCompaction) throw new Error('SQLITE_BUSY: database is locked')
      return inner.compact(mapId, snapshot, upTo)
    },
  }
  return {
    store,
    inner,
    attempts,
    get compactions() {
      return compactions
    },
    set(next: StoreMode) {
      mode = next
    },
    failCompactions(fail: boolean) {
      failCompaction = fail
    },
    /** Lets every hung append go on (with whatever mode is set by then). */
    release() {
      for (const r of hung.splice(0)) r()
    },
  }
}
