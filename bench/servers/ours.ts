/**
 * Crux's sync server as it runs in production (persistence settings from
 * server/env.ts, Prisma on SQLite), minus the per-connect map lookup in
 * authorize: the bench measures relaying, not access checks.
 * Started by the sync-latency bench with DATABASE_URL naming a migrated DB.
 * BENCH_STORE=memory swaps in the in-memory MapStore: not used by the bench
 * itself, but it tells how much of a gap to the reference is persistence.
 */
import http from 'node:http'
import { createDb, tuneDb } from '@/server/db/client'
import { env } from '@/server/env'
import { createMemoryStore } from '@/server/store/memoryStore'
import { createPrismaStore } from '@/server/store/prismaStore'
import { createSyncServer } from '@/server/sync/SyncServer'
import { serveUntilParentLeaves } from './lifecycle'

const config = env()
const db = createDb(config.DATABASE_URL)
// As createServices does in production: WAL, no fsync per commit.
await tuneDb(db, config.DATABASE_URL)
const storeKind = process.env.BENCH_STORE === 'memory' ? 'memory' : 'sqlite'
const sync = createSyncServer({
  store: storeKind === 'memory' ? createMemoryStore() : createPrismaStore(db),
  persist: {
    delayMs: config.PERSIST_DELAY_MS,
    compactAfter: config.COMPACT_AFTER,
    onError: (err) => console.error('[bench ours] persist', err),
  },
  maxMessageBytes: config.MAX_MESSAGE_BYTES,
  authorize: async () => ({ canWrite: true }),
})

const httpServer = http.createServer((_req, res) => res.writeHead(404).end())
httpServer.on('upgrade', (req, socket, head) => {
  if (!sync.handleUpgrade(req, socket, head)) socket.destroy()
})

await serveUntilParentLeaves(
  httpServer,
  async () => {
    // close() flushes every room, so nothing received is lost on the way out.
    await sync.close()
    await db.$disconnect()
  },
  { store: storeKind, PERSIST_DELAY_MS: config.PERSIST_DELAY_MS, COMPACT_AFTER: config.COMPACT_AFTER },
)
