import type { Env } from '../env'
import { createAccess } from '../auth/access'
import { createAccounts } from '../auth/accounts'
import { tokenSecret } from '../auth/secret'
import { createSessions } from '../auth/sessions'
import { authorizeSocket, peerAccessNow } from '../auth/socketAuth'
import { sharedDb, tuneDb } from '../db/client'
import { createMapService } from '../maps'
import { createPrismaStore } from '../store/prismaStore'
import { createSyncServer, type SyncServer } from '../sync/SyncServer'

/** Everything the app needs, wired once per process. */
export async function createServices(env: Env) {
  const db = sharedDb(env.DATABASE_URL)
  await tuneDb(db, env.DATABASE_URL)
  const secret = await tokenSecret(db, env.AUTH_SECRET)
  const store = createPrismaStore(db)
  // Role changes reach live sockets at once; the sync server is created below.
  let sync: SyncServer | undefined
  const access = createAccess(db, (mapId, userIds) => {
    sync?.refreshAccess(mapId, userIds, (userId) => peerAccessNow(access, mapId, userId)).catch((err) => {
      console.error('[access] could not refresh live connections', err)
    })
  })
  sync = createSyncServer({
    store,
    persist: {
      delayMs: env.PERSIST_DELAY_MS,
      compactAfter: env.COMPACT_AFTER,
      onError: (err) => console.error('[persist]', err),
    },
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    authorize: (req, mapId) => authorizeSocket(req, mapId, { secret, access, allowedOrigins: env.ALLOWED_ORIGINS }),
  })
  const maps = createMapService(db, store, sync.rooms, access)
  return {
    env,
    db,
    store,
    sync,
    maps,
    access,
    secret,
    sessions: createSessions(db),
    accounts: createAccounts(db),
    async close() {
      await sync?.close()
      await db.$disconnect()
    },
  }
}

export type Services = Awaited<ReturnType<typeof createServices>>
