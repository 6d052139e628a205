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
    async append(mapId, updates) {
      let head = 0
      await db.$transaction(async (tx) => {
        for (const data of updates) {
          head = (await tx.docUpdate.create({ data: { mapId, data: Buffer.from(data) }, select: { id: true } })).id
        }
      })
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
