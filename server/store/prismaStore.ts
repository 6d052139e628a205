import type { Db } from '../db/client'
import { MapGoneError, type MapStore } from './MapStore'

/**
 * The MapStore on Prisma (SQLite or PostgreSQL). Appends are one row per
 * group commit; compaction swaps a prefix of rows for a snapshot in one
 * transaction, so an append that lands meanwhile survives.
 */
export function createPrismaStore(db: Db): MapStore {
  return {
    async load(mapId) {
      const [snapshot, rows] = await db.$transaction([
        db.docSnapshot.findUnique({ where: { mapId } }),
        db.docUpdate.findMany({ where: { mapId }, orderBy: { id: 'asc' }, select: { id: true, data: true } }),
      ])
      // Every row still present is returned, even one numbered below the
      // snapshot's cut: on PostgreSQL an append can commit after a later id,
      // miss the compaction that passed it, and must still be replayed
      // (applying an update twice is harmless in Yjs).
      const updates = rows.map((r) => new Uint8Array(r.data))
      if (snapshot) updates.unshift(new Uint8Array(snapshot.data))
      return { updates, head: Math.max(snapshot?.upToId ?? 0, rows.at(-1)?.id ?? 0) }
    },
    // The hot path (every group commit): one plain INSERT … RETURNING per
    // update, which skips the query compiler and costs a fraction of create().
    async append(mapId, updates) {
      let head = 0
      try {
        for (const data of updates) {
          const rows = await db.$queryRaw<{ id: number | bigint }[]>`
            INSERT INTO "DocUpdate" ("mapId", "data", "createdAt") VALUES (${mapId}, ${Buffer.from(data)}, ${new Date()}) RETURNING "id"`
          head = Number(rows[0]!.id)
        }
      } catch (err) {
        // A foreign-key failure means the map was deleted: tell the queue to stop retrying.
        // Any other failure (locked, full, unreachable) is passed on and retried.
        const exists = await db.map.findUnique({ where: { id: mapId }, select: { id: true } }).then(Boolean, () => true)
        throw exists ? err : new MapGoneError(mapId)
      }
      return head
    },
    async compact(mapId, snapshot, upTo) {
      const data = Buffer.from(snapshot)
      await db.$transaction(async (tx) => {
        // Only a snapshot that covers more may replace the current one: two
        // instances compacting at once must not swap a newer cut for an older.
        const moved = await tx.docSnapshot.updateMany({
          where: { mapId, upToId: { lt: upTo } },
          data: { data, upToId: upTo },
        })
        if (moved.count === 0) {
          if (await tx.docSnapshot.findUnique({ where: { mapId }, select: { mapId: true } })) return
          await tx.docSnapshot.create({ data: { mapId, data, upToId: upTo } })
        }
        await tx.docUpdate.deleteMany({ where: { mapId, id: { lte: upTo } } })
      })
    },
    async logLength(mapId) {
      return db.docUpdate.count({ where: { mapId } })
    },
    async drop(mapId) {
      await db.$transaction([
        db.docUpdate.deleteMany({ where: { mapId } }),
        db.docSnapshot.deleteMany({ where: { mapId } }),
      ])
    },
  }
}
