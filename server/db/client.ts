import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/client'
import { PrismaClient as PostgresClient } from './generated-pg/client'

/**
 * Both generated clients have the same models (prisma/postgres/schema.prisma
 * is derived from prisma/schema.prisma), so the rest of the server is written
 * once against this type.
 */
export type Db = InstanceType<typeof PrismaClient>

/**
 * [DU4] How long a SQLite statement waits for a lock held by another
 * connection. better-sqlite3 is synchronous: the wait blocks the event loop,
 * every room and every HTTP request with it. So a locked file fails at once
 * and the persist queue retries later (it never drops); 5 s (the driver's
 * default) froze the whole server for 5 s per statement.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url)

/** A Prisma client on the embedded SQLite file (`file:`) or on PostgreSQL for scale-out. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db
  }
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a file: or postgresql: URL (got ${url.split(':')[0]}:)`)
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) })
}

/**
 * WAL lets readers and the writer overlap, and synchronous=NORMAL commits
 * without an fsync each time (a crash of the process loses nothing; a power
 * cut can lose the last commits, never corrupt the file). better-sqlite3
 * runs on the event loop, so a per-commit fsync would stall every socket.
 */
export async function tuneDb(db: Db, url: string): Promise<void> {
  if (isPostgresUrl(url)) return
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
  // [ST9] The SQLite store's worker thread checkpoints; no commit on the event loop does.
  await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0')
}

const holder = globalThis as unknown as { __cruxDb?: { url: string; db: Db } }

/**
 * One client per process. Held on globalThis because Next bundles route code
 * separately from the custom server: both must share one connection.
 */
export function sharedDb(url: string): Db {
  if (holder.__cruxDb?.url !== url) holder.__cruxDb = { url, db: createDb(url) }
  return holder.__cruxDb.db
}
