import { fork } from 'node:child_process'
import type { SeedMap } from '../server/seed'

/**
 * The seed maps, parsed in a short-lived child process. Parsing Argdown loads @argdown/core and its parser
 * (about 50 MB), which would otherwise stay in the sync process for as long as it runs. The child inherits
 * the tsx loader `npm start` runs with, and sends the maps over IPC with structured clone.
 */
export function loadSeedMapsApart(): Promise<SeedMap[]> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./seedWorker.ts', import.meta.url), [], { serialization: 'advanced' })
    let maps: SeedMap[] | undefined
    child.once('message', (message) => (maps = message as SeedMap[]))
    child.once('error', reject)
    child.once('exit', (code) =>
      maps ? resolve(maps) : reject(new Error(`the seed parser exited (${code}) before it sent the maps`)),
    )
  })
}
