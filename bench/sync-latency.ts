/**
 * Sync latency: K stock y-websocket clients on one map, each sending paced
 * edits, timed from send to receipt on every other client with one clock
 * (this process's performance.now()). Our server (with its real SQLite
 * persistence) and the bare reference @y/websocket-server run side by side in
 * their own processes, interleaved, and we report ours/reference ratios:
 * on a shared 2-core machine only the ratios mean much.
 *
 *   npx tsx bench/sync-latency.ts        (or `npm run bench` for every bench)
 */
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { createPrismaStore } from '@/server/store/prismaStore'
import { freshSqliteDb } from '@/tests/support/db'
import { startServerProcess, type ServerKind, type ServerProcess } from './servers/serverProcess'
import { resultTables, SECTION_HEADING, writeSection, type KResult } from './sync-latency/report'
import { summarize } from './sync-latency/stats'
import { PROBE_MAP, probeKey, runScenario, type RunResult, type Scenario } from './sync-latency/workload'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')

/**
 * Per-client gaps grow with K so the whole fan-out stays near a few thousand
 * receipts per second: all K clients share this one process, and past that
 * we would time our own event loop rather than the servers.
 */
const PLAN: ReadonlyArray<Omit<Scenario, 'seed'>> = [
  { clients: 2, editsPerClient: 150, gapMs: [25, 50] },
  { clients: 20, editsPerClient: 40, gapMs: [50, 100] },
  { clients: 100, editsPerClient: 4, gapMs: [1000, 2000] },
]
const ROUNDS = 2
const WARM_UP: Omit<Scenario, 'seed'> = { clients: 5, editsPerClient: 30, gapMs: [10, 30] }
const PERSIST_TIMEOUT_MS = 10_000

export async function main(): Promise<void> {
  const started = performance.now()
  const loadBefore = os.loadavg()[0]!
  const temp = freshSqliteDb()
  const store = createPrismaStore(temp.db)
  const servers: ServerProcess[] = []
  const cleanup = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()))
    await temp.dispose()
  }
  const onSignal = () => void cleanup().finally(() => process.exit(130))
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    const [ours, reference] = await Promise.all([
      startServerProcess('ours', { DATABASE_URL: temp.url }),
      startServerProcess('reference'),
    ])
    servers.push(ours, reference)
    const urlOf: Record<ServerKind, string> = {
      ours: `ws://127.0.0.1:${ours.port}/ws`,
      reference: `ws://127.0.0.1:${reference.port}`,
    }

    let seed = 1
    /** One run on a fresh room; for ours, also checks the store caught every edit while the clients were still on. */
    const run = async (kind: ServerKind, scenario: Omit<Scenario, 'seed'>, room: string) => {
      let persisted = 0
      if (kind === 'ours') await temp.db.map.create({ data: { id: room, title: `sync bench ${room}` } })
      const result = await runScenario(urlOf[kind], room, { ...scenario, seed: seed++ }, {
        whileConnected: kind === 'ours' ? async () => void (persisted = await awaitPersisted(room, scenario)) : undefined,
      })
      return { result, persisted }
    }
    const awaitPersisted = async (room: string, s: Omit<Scenario, 'seed'>) => {
      const deadline = performance.now() + PERSIST_TIMEOUT_MS
      for (;;) {
        const found = countProbes(await store.load(room).then((d) => d.updates), s)
        if (found === s.clients * s.editsPerClient || performance.now() > deadline) return found
        await new Promise((r) => setTimeout(r, 100))
      }
    }

    console.log(`sync-latency: ours ${JSON.stringify(ours.settings)}, reference ${JSON.stringify(reference.settings)}; warming up`)
    for (const kind of ['ours', 'reference'] as const) await run(kind, WARM_UP, `warmup-${kind}`)

    const results: KResult[] = []
    for (const [i, scenario] of PLAN.entries()) {
      const runs: Record<ServerKind, RunResult[]> = { ours: [], reference: [] }
      const persisted = { found: 0, expected: 0 }
      for (let round = 0; round < ROUNDS; round++) {
        // Alternating who goes first cancels slow drift in the machine's load.
        const order: ServerKind[] = (i + round) % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
        for (const kind of order) {
          const t0 = performance.now()
          const { result, persisted: found } = await run(kind, scenario, `k${scenario.clients}-r${round}-${kind}`)
          runs[kind].push(result)
          if (kind === 'ours') {
            persisted.found += found
            persisted.expected += result.edits
          }
          const missing = result.expectedReceipts - result.latencies.length
          console.log(
            `  K=${scenario.clients} round ${round + 1}/${ROUNDS} ${kind.padEnd(9)} ` +
              `${result.latencies.length}/${result.expectedReceipts} receipts${missing ? ` (${missing} MISSING)` : ''} ` +
              `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          )
        }
      }
      results.push({ ...scenario, ours: summarize(runs.ours), reference: summarize(runs.reference), persisted })
    }

    const seconds = (performance.now() - started) / 1000
    const tables = resultTables(results)
    console.log(`\n${tables}\n(total ${seconds.toFixed(0)} s)`)

    const problems = findProblems(results)
    if (problems.length > 0) throw new Error(`sync-latency failed its checks, docs not updated:\n  ${problems.join('\n  ')}`)
    writeSection(DOC_FILE, SECTION_HEADING, describe(tables, { seconds, loadBefore, loadAfter: os.loadavg()[0]! }))
    console.log(`wrote ${path.relative(root, DOC_FILE)} (${SECTION_HEADING})`)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await cleanup()
  }
}

/** Every probe key the stored log holds, out of the ones this scenario sent. */
function countProbes(updates: Uint8Array[], s: Omit<Scenario, 'seed'>): number {
  const doc = new Y.Doc()
  try {
    for (const u of updates) Y.applyUpdate(doc, u)
    const probes = doc.getMap<number>(PROBE_MAP)
    let found = 0
    for (let c = 0; c < s.clients; c++) for (let n = 0; n < s.editsPerClient; n++) if (probes.has(probeKey(c, n))) found++
    return found
  } finally {
    doc.destroy()
  }
}

function findProblems(results: readonly KResult[]): string[] {
  const problems: string[] = []
  for (const r of results) {
    for (const [name, s] of [['ours', r.ours], ['reference', r.reference]] as const) {
      if (s.receipts !== s.expectedReceipts) problems.push(`K=${r.clients} ${name}: ${s.expectedReceipts - s.receipts} receipts missing`)
      if (s.duplicates > 0) problems.push(`K=${r.clients} ${name}: ${s.duplicates} edits received twice`)
    }
    if (r.persisted.found !== r.persisted.expected) {
      problems.push(`K=${r.clients} ours: ${r.persisted.expected - r.persisted.found} edits not in the database after ${PERSIST_TIMEOUT_MS} ms`)
    }
  }
  return problems
}

function describe(tables: string, run: { seconds: number; loadBefore: number; loadAfter: number }): string {
  const cpu = os.cpus()
  return `Run on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, \
load average ${run.loadBefore.toFixed(1)} before and ${run.loadAfter.toFixed(1)} after (the machine is shared, so absolute times are noisy), ${run.seconds.toFixed(0)} s in all. \
Regenerate with \`npx tsx bench/sync-latency.ts\` (also part of \`npm run bench\`).

**Method.** Each server runs in its own child process (\`bench/servers/ours.ts\`, \`bench/servers/reference.ts\`) on 127.0.0.1, port 0. \
*Ours* is \`createSyncServer\` with its production persistence (Prisma on a fresh migrated SQLite file, PERSIST_DELAY_MS 50, COMPACT_AFTER 200) and an authorize that admits everyone; \
*reference* is \`@y/websocket-server@0.1.1\`'s \`setupWSConnection\` on its own ws@6, in memory, as \`npx y-websocket\` runs it. \
All K clients are stock \`y-websocket\` providers in the bench process. Each client sets ${'`'}${PROBE_MAP}[\`\${client}-\${n}\`] = performance.now()${'`'} \
on a paced schedule (uniform random gap in the range shown, random start offset), and every other client records receive time minus that value when the key appears: \
one process, one clock. Per K the two servers run ${ROUNDS} rounds each, interleaved with the first server alternating, after a warm-up run on each; \
every run uses a fresh room. Percentiles pool all receipts of a server's rounds; throughput is receipts (and edits) delivered per second from the first send to the last receipt, \
so under paced load it mostly shows whether a server kept up (ratio ≈ 1) rather than its ceiling. \
The bench fails, and leaves this file alone, if any client misses or double-receives an edit, or if ours has not written every edit to the database \
(read back through the store while the clients are still connected) within ${PERSIST_TIMEOUT_MS / 1000} s.

${tables}`
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
}
