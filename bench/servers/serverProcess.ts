import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import type { ReadyLine } from './lifecycle'

const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')

export type ServerKind = 'ours' | 'reference'

export interface ServerProcess {
  kind: ServerKind
  port: number
  settings: Record<string, string | number>
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>
}

/**
 * Starts `bench/servers/<kind>.ts` in its own process, so the server never
 * shares an event loop with the clients being timed, and waits for its
 * ready line. stdin stays a pipe: closing it is the child's cue to leave.
 */
export async function startServerProcess(kind: ServerKind, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(tsx, [path.join(root, 'bench/servers', `${kind}.ts`)], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stopping: Promise<void> | undefined
  const stop = (graceMs = 5000) =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      child.stdin?.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    })())

  try {
    const ready = await readyLine(child, kind, timeoutMs)
    return { kind, port: ready.port, settings: ready.settings ?? {}, stop }
  } catch (err) {
    await stop(1000)
    throw err
  }
}

function readyLine(child: ChildProcess, kind: ServerKind, timeoutMs: number): Promise<ReadyLine> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! })
    const timer = setTimeout(() => fail(new Error(`${kind} server gave no ready line within ${timeoutMs} ms`)), timeoutMs)
    const onExit = (code: number | null) => fail(new Error(`${kind} server exited (code ${code}) before it was ready`))
    function fail(err: Error) {
      clearTimeout(timer)
      child.off('exit', onExit)
      reject(err)
    }
    child.once('exit', onExit)
    lines.once('line', (line) => {
      clearTimeout(timer)
      child.off('exit', onExit)
      try {
        resolve(JSON.parse(line) as ReadyLine)
      } catch {
        reject(new Error(`${kind} server printed something other than its ready line: ${line}`))
      }
      // Anything the server prints later goes to our stderr, so stdout never fills up and blocks it.
      lines.on('line', (more) => process.stderr.write(`[${kind}] ${more}\n`))
    })
  })
}
