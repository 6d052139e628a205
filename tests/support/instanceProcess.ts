import type { ChildProcess } from 'node:child_process'
import { spawnUntilReady } from './spawnReady'

export interface InstanceProcess {
  wsBase: string
  child: ChildProcess
  /** kill -9: no flush, no goodbye. */
  crash(): Promise<void>
  stop(): Promise<void>
}

/** Starts tests/support/instanceMain.ts in its own process with `env` (a sync instance without Next). */
export async function startInstanceProcess(env: Record<string, string>): Promise<InstanceProcess> {
  const { child, address, exited } = await spawnUntilReady(
    'tests/support/instanceMain.ts',
    { PERSIST_DELAY_MS: '50', SEED_ON_START: 'false', ...env },
    60_000,
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
