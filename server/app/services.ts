import type { Env } from '../env'
import { createAccess } from '../auth/access'
import { createAccounts } from '../auth/accounts'
import { createAnonymity } from '../teaching/anonymity'
import { createClasses } from '../teaching/classes'
import { createPhases } from '../teaching/phases'
import { tokenSecret } from '../auth/secret'
import { createSessions } from '../auth/sessions'
import { authorizeSocket, peerAccessNow } from '../auth/socketAuth'
import { SQLITE_BUSY_TIMEOUT_MS, isPostgresUrl, sharedDb, tuneDb } from '../db/client'
import { createComments } from '../comments/service'
import { createCheckpointStore } from '../history/checkpointStore'
import { prismaHotReads, sqliteHotReads } from '../db/hotReads'
import { createHistory } from '../history/service'
import { createMapService } from '../maps'
import { createPublishing } from '../publishing/service'
import { createPrismaStore } from '../store/prismaStore'
import { createSqliteStore } from '../store/sqliteStore'
import { createCommitLatency } from '../sync/commitLatency'
import { createRedisBus } from '../sync/redisBus'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../sync/SyncServer'

/** What tests may set beyond the environment: a clock, and the sync server's limits. */
export interface ServiceOptions {
  now?: () => number
  sync?: Pick<SyncServerOptions, 'rateLimit' | 'maxSocketsPerPerson'>
}

/** Everything the app needs, wired once per process. */
export async function createServices(env: Env, options: ServiceOptions = {}) {
  const db = sharedDb(env.DATABASE_URL)
  await tuneDb(db, env.DATABASE_URL)
  const secret = await tokenSecret(db, env.AUTH_SECRET)
  // [ST7] SQLite appends on prepared statements, one transaction per tick; PostgreSQL keeps Prisma
  // (raw INSERTs there already skip the query compiler, and the pool runs them off the event loop).
  const sqliteStore = isPostgresUrl(env.DATABASE_URL)
    ? undefined
    : createSqliteStore(env.DATABASE_URL, {
        busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
        onError: (message) => console.error(`[sqlite] checkpoint failed, will retry: ${message}`),
      })
  const store = sqliteStore ?? createPrismaStore(db)
  // Every connection's session, map and membership reads: prepared statements on SQLite, as appends are.
  const hotReads = isPostgresUrl(env.DATABASE_URL)
    ? prismaHotReads(db)
    : sqliteHotReads(env.DATABASE_URL, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS })
  const log = (msg: string, err?: unknown) => console.error(`[sync] ${msg}`, err ?? '')
  const bus = env.REDIS_URL ? createRedisBus(env.REDIS_URL, log) : undefined
  // Role changes reach live sockets at once, on whichever instance holds them.
  let sync: SyncServer | undefined
  const refreshLive = (mapId: string, userIds: string[] | 'all') => {
    sync
      ?.refreshAccess(mapId, userIds, (userId) => peerAccessNow(access, mapId, userId))
      .catch((err) => {
        console.error('[access] could not refresh live connections', err)
      })
  }
  const accessChanged = (mapId: string, userIds: string[] | 'all') =>
    bus ? bus.publishAccessChange(mapId, userIds) : refreshLive(mapId, userIds)
  const access = createAccess(db, accessChanged, hotReads)
  await bus?.onAccessChange(refreshLive)
  const sessions = createSessions(db, hotReads)
  const commits = createCommitLatency()
  const checkpoints = createCheckpointStore(db)
  sync = createSyncServer({
    history: { hasAny: hotReads.hasCheckpoint, save: checkpoints.save, everyMs: env.CHECKPOINT_EVERY_MS },
    bus,
    log,
    store,
    persist: {
      delayMs: env.PERSIST_DELAY_MS,
      busDelayMs: env.BUS_PERSIST_DELAY_MS,
      compactAfter: env.COMPACT_AFTER,
      onCommitted: commits.record,
      // One line per failed attempt: the queue retries (with back-off) until the database takes it.
      onError: (err) =>
        console.error(
          '[persist] append failed, will retry:',
          String((err as Error)?.message ?? err)
            .trim()
            .split('\n')
            .at(-1),
        ),
    },
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    ...options.sync,
    authorize: (req, mapId) =>
      authorizeSocket(req, mapId, { secret, access, sessions, allowedOrigins: env.ALLOWED_ORIGINS, now: options.now }),
  })
  const maps = createMapService(db, store, sync.rooms, access)
  const liveSync = sync
  const comments = createComments(db, access, maps, (mapId) => {
    liveSync.commentsChanged(mapId).catch((err) => console.error('[comments] could not signal the room', err))
  })
  return {
    env,
    db,
    store,
    bus,
    sync,
    /** [DU9] How long edits waited to be committed, for /readyz. */
    commits,
    /** [ST10] Every connection's reads (warmed up at start, see server/sync/warmUp.ts). */
    hotReads,
    maps,
    access,
    /** [PP1] Map phases; a change reaches live connections as role changes do ([PP5]). */
    phases: createPhases(db, accessChanged, hotReads),
    /** [PN] Per-map pseudonyms for students, applied by the server. */
    anonymity: createAnonymity(db, sync.rooms, accessChanged),
    /** [PK] Classes: one join code, teams, students without email; assigning a map grants roles. */
    classes: createClasses(db, accessChanged),
    comments,
    /** [HI] Checkpoints, diffs and restores. */
    history: createHistory(checkpoints, sync.rooms),
    checkpoints,
    /** One publishing service (and so one version cache) for every page and route. */
    publishing: createPublishing(db, maps, access),
    secret,
    sessions,
    accounts: createAccounts(db),
    async close() {
      await sync?.close()
      await bus?.close()
      await sqliteStore?.close()
      hotReads.close()
      await db.$disconnect()
    },
  }
}

export type Services = Awaited<ReturnType<typeof createServices>>
