import type { MapStore, StoredDoc } from './MapStore'

interface Entry {
  snapshot?: Uint8Array
  snapshotUpTo: number
  log: { seq: number; data: Uint8Array }[]
}

/** A MapStore in process memory, for tests and benchmarks. */
export function createMemoryStore(): MapStore {
  const docs = new Map<string, Entry>()
  let seq = 0
  const entry = (id: string) => {
    let e = docs.get(id)
    if (!e) docs.set(id, (e = { log: [], snapshotUpTo: 0 }))
    return e
  }
  return {
    async load(mapId): Promise<StoredDoc> {
      const e = docs.get(mapId)
      if (!e) return { updates: [], head: 0 }
      const updates = e.log.map((r) => r.data)
      if (e.snapshot) updates.unshift(e.snapshot)
      return { updates, head: e.log.at(-1)?.seq ?? e.snapshotUpTo }
    },
    async append(mapId, updates) {
      const e = entry(mapId)
      for (const data of updates) e.log.push({ seq: ++seq, data: data.slice() })
      return seq
    },
    async compact(mapId, snapshot, upTo) {
      const e = entry(mapId)
      if (e.snapshot && e.snapshotUpTo >= upTo) return
      e.snapshot = snapshot.slice()
      e.snapshotUpTo = upTo
      e.log = e.log.filter((r) => r.seq > upTo)
    },
    async logLength(mapId) {
      return docs.get(mapId)?.log.length ?? 0
    },
    async drop(mapId) {
      docs.delete(mapId)
    },
  }
}
