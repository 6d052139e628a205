import { createAccounts } from '@/server/auth/accounts'
import { SESSION_COOKIE, createSessions } from '@/server/auth/sessions'
import { createPrismaStore } from '@/server/store/prismaStore'
import type { MapStore } from '@/server/store/MapStore'
import { buildApp, startApp } from '@/harness/app'
import { freshSqliteDb } from '@/harness/db'
import type { CrowdPerson } from '../lib/crowd'

export interface OurApp {
  /** http://127.0.0.1:<port>: pages, the token route, and the sockets at /ws/<mapId>. */
  url: string
  wsUrl: string
  /** Root of the server's process tree (tsx, then node). */
  pid: number
  /** The app's own database, read through a MapStore: what a restart would recover. */
  store: MapStore
  /** A map anyone signed in may edit (public role editor). */
  room(id: string, title: string): Promise<void>
  /** `n` guests, each with a live session: the cookie their browser would hold. */
  people(n: number): Promise<CrowdPerson[]>
  stop(): Promise<void>
}

/**
 * Crux as `npm start` runs it (scripts/start.ts: Next, the token route,
 * the socket upgrade with its auth, Prisma on SQLite) on a fresh database.
 * The bench writes people and maps into that database directly, as sign-up
 * and "new map" would, and everything a client does after that goes through
 * the app: the token fetch over HTTP with the cookie, then the socket.
 */
export async function startOurApp(): Promise<OurApp> {
  buildApp({ reuse: true })
  const database = freshSqliteDb()
  const app = await startApp(database.url, { SEED_ON_START: 'false' })
  const accounts = createAccounts(database.db)
  const sessions = createSessions(database.db)
  let made = 0
  return {
    url: app.url,
    wsUrl: `${app.url.replace(/^http/, 'ws')}/ws`,
    pid: app.pid,
    store: createPrismaStore(database.db),
    async room(id, title) {
      await database.db.map.create({ data: { id, title, publicRole: 'editor' } })
    },
    async people(n) {
      const out: CrowdPerson[] = []
      for (let i = 0; i < n; i++) {
        const user = await accounts.createGuest(`Bench person ${++made}`)
        const { token } = await sessions.create(user.id)
        out.push({ index: i, cookie: `${SESSION_COOKIE}=${token}` })
      }
      return out
    },
    async stop() {
      await app.stop()
      await database.dispose()
    },
  }
}
