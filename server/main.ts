import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { env } from './env'
import { handleHealth } from './app/health'
import { handleTokenRequest } from './next/tokenEndpoint'
import { startPages } from './next/pages'
import { warmUp } from './sync/warmUp'
import { localRouteServices, registerServices } from './app/registry'
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
 * This process owns the public port, the database, the live rooms and the map sockets (/ws/<mapId>), and
 * answers health checks and token requests itself; Next serves the pages from a process of its own behind
 * it, calling this one's services over a narrow channel ([SY11]).
 */
export async function startCrux(options: { dev: boolean; seeds?: () => Promise<SeedMap[]> }) {
  const config = env()
  await migrate(config.DATABASE_URL)
  const services = await createServices(config)
  const routeServices = localRouteServices(services)
  registerServices(routeServices)
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

  // [SY11] `npm start`: Next in a process of its own, behind this one; `npm run dev` keeps it here for hot reload.
  const pages = options.dev ? undefined : await startPages(services, (msg) => console.error(`[pages] ${msg}`))
  const inline = options.dev ? await startInlineNext(config.PORT) : undefined

  // The first connect after a start is as quick as the next ones.
  await warmUp(services.secret, services.hotReads)

  // [DU6] Health checks never reach Next: they must answer while pages cannot.
  const server = http.createServer((req, res) => {
    if (handleHealth(req, res, services)) return
    if (pages) return void (handleTokenRequest(req, res, routeServices) || pages.forward(req, res))
    void inline!.handle(req, res)
  })
  server.on('upgrade', (req, socket, head) => {
    if (services.sync.handleUpgrade(req, socket, head)) return
    if (inline) void inline.upgrade(req, socket, head)
    else socket.destroy()
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
      await withinDeadline(Promise.all([closed, pages?.stop(), inline?.close()]), 2500)
    })())
  return { url, port, stop, stopDeadlineMs: config.STOP_DEADLINE_MS }
}

/** Next in this process, with hot reload: `npm run dev`. */
async function startInlineNext(port: number) {
  // Imported here: the sync process under `npm start` never loads Next.
  const { default: next } = await import('next')
  const app = next({ dev: true, dir: root, hostname: 'localhost', port })
  await app.prepare()
  return { handle: app.getRequestHandler(), upgrade: app.getUpgradeHandler(), close: () => app.close() }
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
