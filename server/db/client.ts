import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from './generated/client'

export type Db = InstanceType<typeof PrismaClient>

/** A Prisma client on the embedded SQLite database named by a `file:` URL. */
export function createDb(url: string): Db {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a file: URL for the embedded database (got ${url.split(':')[0]}:)`)
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) })
}

/**
 * WAL lets readers and the writer overlap, and synchronous=NORMAL commits
 * without an fsync each time (a crash of the process loses nothing; a power
 * cut can lose the last commits, never corrupt the file). better-sqlite3
 * runs on the event loop, so a per-commit fsync would stall every socket.
 */
export async function tuneSqlite(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000')
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
