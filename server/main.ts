import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import next from 'next'
import { env } from './env'
import { handleHealth } from './app/health'
import { registerServices } from './app/registry'
import { createServices } from './app/services'
import { isPostgresUrl } from './db/client'
import { migratePostgres } from './db/pgMigrate'
import { seedMaps, type SeedMap } from './seed'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)

/** Applies pending migrations: the Prisma CLI on SQLite, our runner on PostgreSQL. */
export async function migrate(databaseUrl: string): Promise<void> {
  if (isPostgresUrl(databaseUrl)) {
    await migratePostgres(databaseUrl)
    return
  }
  execFileSync(bin('prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

/** Builds the production bundle when there is none yet, so one command starts a fresh clone. */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) return
  console.log('[crux] no production build yet: running next build (once)')
  execFileSync(bin('next'), ['build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
}

/**
 * One process serves the pages (Next) and the map sockets (/ws/<mapId>) on
 * one port, sharing one database client and one set of live rooms.
 */
export async function startCrux(options: { dev: boolean; seeds?: () => Promise<SeedMap[]> }) {
  const config = env()
  await migrate(config.DATABASE_URL)
  const services = await createServices(config)
  registerServices(services)
  if (config.SEED_ON_START && options.seeds) {
    const outcome = await seedMaps(services, await options.seeds(), { publicRole: config.SEED_PUBLIC_ROLE })
    const created = outcome.filter((o) => o.action === 'created').length
    if (created > 0) console.log(`[crux] seeded ${created} map(s)`)
    for (const o of outcome.filter((o) => o.action === 'updated')) {
      console.log(
        `[crux] seed map ${o.key} updated to the current version${o.keptEditsIn ? `; its edits are kept in /maps/${o.keptEditsIn}` : ''}`,
      )
    }
  }

  const app = next({ dev: options.dev, dir: root, hostname: 'localhost', port: config.PORT })
  const handle = app.getRequestHandler()
  await app.prepare()
  const nextUpgrade = app.getUpgradeHandler()

  // [DU6] Health checks never reach Next: they must answer while pages cannot.
  const server = http.createServer((req, res) => void (handleHealth(req, res, services) || handle(req, res)))
  server.on('upgrade', (req, socket, head) => {
    if (!services.sync.handleUpgrade(req, socket, head)) void nextUpgrade(req, socket, head)
  })
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://localhost:${port}`
  console.log(`[crux] ready on ${url}`)

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      // [DU5] Stop accepting, then close the map sockets and flush every room (services.close):
      // an open websocket kept server.close waiting for ever when it came first.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const flushed = await withinDeadline(services.close(), config.STOP_DEADLINE_MS)
      if (!flushed) {
        const unsaved = services.sync.rooms.size
        console.error(
          `[crux] stop: the database did not take every edit within ${config.STOP_DEADLINE_MS} ms (${unsaved} room(s) open)`,
        )
      }
      server.closeAllConnections()
      await withinDeadline(Promise.all([closed, app.close()]), 500)
    })())
  return { url, port, stop, stopDeadlineMs: config.STOP_DEADLINE_MS }
}

/** Resolves true when `work` settles within `ms`, false when the deadline passed first. */
function withinDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    work.then(
      () => (clearTimeout(timer), resolve(true)),
      (err) => (clearTimeout(timer), console.error('[crux] stop failed', err), resolve(true)),
    )
  })
}

/**
 * [DU5] Stops cleanly on Ctrl-C and SIGTERM: sockets closed, pending edits
 * flushed, exit within the deadline even when the database is gone (a
 * supervisor sends SIGKILL a few seconds after SIGTERM anyway).
 */
export function stopOnSignals(stop: () => Promise<void>, deadlineMs: number): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(1), deadlineMs + 900).unref()
      stop()
        .catch((err) => console.error('[crux] shutdown failed', err))
        .finally(() => process.exit(0))
    })
  }
}
