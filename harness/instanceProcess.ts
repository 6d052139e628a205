import type { ChildProcess } from 'node:child_process'
import { spawnUntilReady } from './spawnReady'

export interface InstanceProcess {
  wsBase: string
  child: ChildProcess
  /** kill -9: no flush, no goodbye. */
  crash(): Promise<void>
  stop(): Promise<void>
}

/**
 * Starts a sync instance without Next (harness/instanceMain.ts) in its own process with
 * `env`; `script: 'scripts/start.ts'` starts the whole app exactly as `npm start` does instead.
 */
export async function startInstanceProcess(
  env: Record<string, string>,
  script = 'harness/instanceMain.ts',
): Promise<InstanceProcess> {
  const { child, address, exited } = await spawnUntilReady(
    script,
    { PERSIST_DELAY_MS: '50', SEED_ON_START: 'false', HOST: '127.0.0.1', ...env },
    120_000,
  )
  return {
    wsBase: address,
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
