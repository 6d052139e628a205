import type { Db } from '../db/client'
import type { MapStore } from './MapStore'

/**
 * The MapStore on Prisma. Appends are one row per group commit; compaction
 * swaps a prefix of rows for a snapshot in one transaction, so an append that
 * lands meanwhile (id > upTo) survives.
 */
export function createPrismaStore(db: Db): MapStore {
  return {
    async load(mapId) {
      const [snapshot, rows] = await db.$transaction([
        db.docSnapshot.findUnique({ where: { mapId } }),
        db.docUpdate.findMany({ where: { mapId }, orderBy: { id: 'asc' } }),
      ])
      const after = snapshot?.upToId ?? 0
      const fresh = rows.filter((r) => r.id > after)
      const updates = fresh.map((r) => new Uint8Array(r.data))
      if (snapshot) updates.unshift(new Uint8Array(snapshot.data))
      return { updates, head: fresh.at(-1)?.id ?? after }
    },
    // The hot path (every group commit): one plain INSERT … RETURNING per
    // update, which skips the query compiler and costs a fraction of create().
    async append(mapId, updates) {
      let head = 0
      for (const data of updates) {
        const rows = await db.$queryRaw<{ id: number | bigint }[]>`
          INSERT INTO "DocUpdate" ("mapId", "data", "createdAt") VALUES (${mapId}, ${Buffer.from(data)}, ${new Date()}) RETURNING "id"`
        head = Number(rows[0]!.id)
      }
      return head
    },
    async compact(mapId, snapshot, upTo) {
      const data = Buffer.from(snapshot)
      await db.$transaction([
        db.docSnapshot.upsert({
          where: { mapId },
          create: { mapId, data, upToId: upTo },
          update: { data, upToId: upTo },
        }),
        db.docUpdate.deleteMany({ where: { mapId, id: { lte: upTo } } }),
      ])
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
