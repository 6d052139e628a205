import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { spawnUntilReady } from './spawnReady'

/**
 * The production app as `npm start` runs it, for browser tests and
 * benchmarks: built once into NEXT_DIST_DIR, then started on a free port
 * against a database of the caller's choosing.
 */
const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next'
}

/** Builds unless a build is there already and `reuse` allows keeping it. */
export function buildApp(options: { reuse: boolean }): void {
  if (options.reuse && fs.existsSync(path.join(root, distDir(), 'BUILD_ID'))) return
  execFileSync(bin('next'), ['build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface RunningApp {
  url: string
  /** The process `npm start` runs in (tsx; the server is its child). */
  pid: number
  /** Stops the app; rejects if its log showed a fault that every test would otherwise hide (see FATAL_LOG_LINES). */
  stop(): Promise<void>
}

/**
 * Lines in the app's log that mean the process is misbuilt, whatever the tests see. Two copies of Yjs in the
 * process (Next's bundle and the sync server each loading one) break Yjs' constructor checks across them.
 */
// [SY9]
const FATAL_LOG_LINES = [/Yjs was already imported/]

function fatalLines(log: string): string[] {
  return log.split('\n').filter((line) => FATAL_LOG_LINES.some((re) => re.test(line)))
}

export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort()
  // Exactly what `npm start` execs: one node process, so a signal reaches the server (tsx's CLI forks a child).
  const { child, address, exited, log } = await spawnUntilReady(
    'scripts/start.ts',
    { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...env },
    120_000,
  )
  const url = address.replace('localhost', '127.0.0.1')
  const atStart = fatalLines(log())
  if (atStart.length > 0) {
    child.kill('SIGKILL')
    throw new Error(`the app logged a fatal line at start:\n${atStart.join('\n')}`)
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
      const found = fatalLines(log())
      if (found.length > 0) throw new Error(`the app logged a fatal line while the tests ran:\n${found.join('\n')}`)
    },
  }
}
