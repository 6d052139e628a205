import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import type { ReadyLine, StatsLine } from './lifecycle'

const root = path.resolve(import.meta.dirname, '../..')

export type ServerKind = 'ours' | 'reference'

export interface ServerProcess {
  kind: ServerKind
  port: number
  pid: number
  settings: Record<string, string | number>
  /** The server's event-loop delay since the previous call (the first call just starts the window). */
  stats(): Promise<StatsLine>
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>
}

/**
 * Starts `bench/servers/<kind>.ts` in its own process, so the server never
 * shares an event loop with the clients being timed, and waits for its
 * ready line. stdin stays a pipe: closing it is the child's cue to leave.
 * Its stdout carries JSON lines only (ready, then stats replies); whatever
 * else it says goes to stderr.
 */
export async function startServerProcess(
  kind: ServerKind,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  // CRUX_PROFILE_DIR=<dir> writes a CPU profile of this server there on exit, as harness/spawnReady.ts does for ours.
  const profile = process.env.CRUX_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CRUX_PROFILE_DIR}`] : []
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', path.join(root, 'bench/servers', `${kind}.ts`)],
    {
      cwd: root,
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stopping: Promise<void> | undefined
  const stop = (graceMs = 5000) =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      child.stdin.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    })())

  // Replies arrive in request order, so a FIFO of waiters is enough.
  const waiting: Array<(line: unknown) => void> = []
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      process.stderr.write(`[${kind}] ${line}\n`)
      return
    }
    waiting.shift()?.(parsed)
  })
  const nextLine = <T>(what: string) =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return reject(new Error(`${kind} server has exited (code ${child.exitCode ?? child.signalCode}); no ${what}`))
      }
      const timer = setTimeout(() => reject(new Error(`${kind} server: no ${what} within ${timeoutMs} ms`)), timeoutMs)
      const onExit = (code: number | null) =>
        reject(new Error(`${kind} server exited (code ${code}) while we waited for ${what}`))
      child.once('exit', onExit)
      waiting.push((line) => {
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve(line as T)
      })
    })

  try {
    const ready = await nextLine<ReadyLine>('ready line')
    return {
      kind,
      port: ready.port,
      pid: child.pid!,
      settings: ready.settings ?? {},
      stats() {
        const reply = nextLine<StatsLine>('stats reply')
        child.stdin.write('stats\n')
        return reply
      },
      stop,
    }
  } catch (err) {
    await stop(1000)
    throw err
  }
}
