/**
 * `npm run bench`: every bench module's main(), one after another, so no two
 * benches compete for the 2 cores. A module that is not there yet is skipped
 * with a note; one that fails is reported and the rest still run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const BENCHES = [
  'sync-latency',
  'presence',
  'rooms',
  'cold-load',
  'durability',
  'update-guard',
  'evaluate',
  'export',
  'interchange',
  'published',
  'editor-fps',
  'history-size',
] as const

async function runAll(): Promise<void> {
  const failed: string[] = []
  for (const name of BENCHES) {
    const file = path.join(import.meta.dirname, `${name}.ts`)
    if (!fs.existsSync(file)) {
      console.log(`\n== ${name}: skipped (bench/${name}.ts does not exist yet)`)
      continue
    }
    console.log(`\n== ${name}`)
    const t0 = performance.now()
    try {
      const mod = (await import(pathToFileURL(file).href)) as { main?: () => unknown }
      if (typeof mod.main !== 'function') throw new Error(`bench/${name}.ts exports no main()`)
      await mod.main()
      console.log(`== ${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    } catch (err) {
      failed.push(name)
      console.error(`== ${name}: FAILED`, err)
    }
  }
  if (failed.length > 0) {
    console.error(`\n${failed.length} bench(es) failed: ${failed.join(', ')}`)
    process.exitCode = 1
  }
}

await runAll()
