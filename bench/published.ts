/**
 * Published page throughput: `/p/<slug>` (a seed map published through the
 * real service, served from the publishing cache) against a static Next page
 * (`/bench-static`, prerendered at build time), both under `wrk` on the
 * production build. The ratio published / static is the figure to watch.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp, startApp } from '../harness/app'
import { isMain, markdownTable, median } from './lib/report'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)
const DURATION = process.env.BENCH_DURATION ?? '10s'
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

interface WrkResult {
  rps: number
  p50ms: number
  p99ms: number
  errors: number
}

export async function main(): Promise<void> {
  if (spawnSync('wrk', ['--version']).error) {
    console.log('published: skipped, `wrk` is not installed (apt-get install -y wrk)')
    return
  }
  buildApp({ reuse: true })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crux-bench-published-'))
  const databaseUrl = `file:${path.join(dir, 'bench.db')}`
  try {
    const slug = await publishSeedMap(databaseUrl)
    const app = await startApp(databaseUrl, { SEED_ON_START: 'false', CRUX_BENCH_PAGES: '1' })
    try {
      const urls = { published: `${app.url}/p/${slug}`, static: `${app.url}/bench-static` }
      for (const url of Object.values(urls)) {
        const res = await fetch(url)
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
        await res.text()
      }
      const bytes = { published: await size(urls.published), static: await size(urls.static) }
      // Alternate the two pages so drift on a shared machine hits both alike.
      const runs: Record<'published' | 'static', WrkResult[]> = { published: [], static: [] }
      await wrk(urls.static, '2s')
      await wrk(urls.published, '2s')
      for (let i = 0; i < ROUNDS; i++) {
        runs.static.push(await wrk(urls.static, DURATION))
        runs.published.push(await wrk(urls.published, DURATION))
      }
      const row = (name: 'published' | 'static') => {
        const r = runs[name]
        return [
          name === 'published' ? '`/p/<slug>` (published seed map)' : '`/bench-static` (force-static)',
          Math.round(median(r.map((x) => x.rps))),
          median(r.map((x) => x.p50ms)).toFixed(1),
          median(r.map((x) => x.p99ms)).toFixed(1),
          (bytes[name] / 1024).toFixed(1),
          r.reduce((n, x) => n + x.errors, 0),
        ]
      }
      const ratio = median(runs.published.map((x) => x.rps)) / median(runs.static.map((x) => x.rps))
      console.log(
        `\nwrk -t2 -c${CONNECTIONS} -d${DURATION}, ${ROUNDS} alternating rounds each, medians; ${os.cpus().length} cores shared by wrk and the server\n`,
      )
      console.log(
        markdownTable(['page', 'req/s', 'p50 ms', 'p99 ms', 'HTML KiB', 'errors'], [row('published'), row('static')]),
      )
      console.log(`\nratio published / static: ${ratio.toFixed(2)}`)
    } finally {
      await app.stop()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Migrates a fresh database and publishes the largest seed map in it, through the real services. */
async function publishSeedMap(databaseUrl: string): Promise<string> {
  execFileSync(bin('prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  })
  const { createDb } = await import('../server/db/client')
  const { createAccess } = await import('../server/auth/access')
  const { createMapService } = await import('../server/maps')
  const { createPublishing } = await import('../server/publishing/service')
  const { createPrismaStore } = await import('../server/store/prismaStore')
  const { RoomRegistry } = await import('../server/sync/RoomRegistry')
  const { loadSeedMaps } = await import('../content/index')
  const db = createDb(databaseUrl)
  try {
    const store = createPrismaStore(db)
    const access = createAccess(db, () => {})
    const maps = createMapService(
      db,
      store,
      new RoomRegistry(store, { delayMs: 0, compactAfter: 200, onError: console.error }),
      access,
    )
    const seed = (await loadSeedMaps()).sort((a, b) => b.map.nodes.length - a.map.nodes.length)[0]!
    const user = await db.user.create({ data: { id: 'u-bench', name: 'Bench', email: 'bench@example.org' } })
    const meta = await maps.create({ title: seed.title, content: { ...seed.map, title: seed.title }, ownerId: user.id })
    const result = await createPublishing(db, maps, access).publish(meta.id, user.id)
    if (!result.ok) throw new Error(result.error)
    console.log(`published "${seed.title}" (${seed.map.nodes.length} nodes) at /p/${result.slug}`)
    return result.slug
  } finally {
    await db.$disconnect()
  }
}

function wrk(url: string, duration: string): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${duration}`, '--latency', url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`))
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)
      if (!rps) return reject(new Error(`could not read wrk's output:\n${out}`))
      const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out)
      const socketErrors = /Socket errors:.*?connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
      resolve({
        rps: Number(rps[1]),
        p50ms: latencyMs(out, '50%'),
        p99ms: latencyMs(out, '99%'),
        errors:
          Number(errors?.[1] ?? 0) + (socketErrors ? socketErrors.slice(1).reduce((n, x) => n + Number(x), 0) : 0),
      })
    })
  })
}

/** wrk prints percentiles as "50%  12.34ms" (or us / s). */
function latencyMs(out: string, pct: string): number {
  const m = new RegExp(`${pct.replace('%', '%')}\\s+([\\d.]+)(us|ms|s)`).exec(out)
  if (!m) return Number.NaN
  const v = Number(m[1])
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v
}

async function size(url: string): Promise<number> {
  return (await (await fetch(url)).arrayBuffer()).byteLength
}

if (isMain(import.meta.url)) await main()
