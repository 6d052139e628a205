import type { Env } from '../env'
import { sharedDb, type Db } from '../db/client'
import { createMapService } from '../maps'
import { createPrismaStore } from '../store/prismaStore'
import { createSyncServer, type SyncServer } from '../sync/SyncServer'

/** Everything the app needs, wired once per process. */
export function createServices(env: Env) {
  const db: Db = sharedDb(env.DATABASE_URL)
  const store = createPrismaStore(db)
  const sync: SyncServer = createSyncServer({
    store,
    persist: {
      delayMs: env.PERSIST_DELAY_MS,
      compactAfter: env.COMPACT_AFTER,
      onError: (err) => console.error('[persist]', err),
    },
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    // Issue 2 has no accounts yet: any existing map is open for editing.
    authorize: async (_req, mapId) =>
      (await db.map.findUnique({ where: { id: mapId }, select: { id: true } }))
        ? { canWrite: true }
        : { reject: 404, reason: 'no such map' },
  })
  const maps = createMapService(db, store, sync.rooms)
  return {
    db,
    store,
    sync,
    maps,
    async close() {
      await sync.close()
      await db.$disconnect()
    },
  }
}

export type Services = ReturnType<typeof createServices>
