import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export interface InstanceProcess {
  wsBase: string
  child: ChildProcess
  /** kill -9: no flush, no goodbye. */
  crash(): Promise<void>
  stop(): Promise<void>
}

/** Starts tests/support/instanceMain.ts in its own process with `env` (a sync instance without Next). */
export async function startInstanceProcess(env: Record<string, string>): Promise<InstanceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/instanceMain.ts'], {
    cwd: root,
    env: { ...process.env, PERSIST_DELAY_MS: '50', SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  let log = ''
  const wsBase = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start within 60 s:\n${log}`)), 60_000)
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString()
      const m = /ready on (\S+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`instance exited with ${code} before it was ready:\n${log}`))
    })
  })
  return {
    wsBase,
    child,
    async crash() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}
