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
import { createPrismaStore } from '@/server/store/prismaStore'
import { freshSqliteDb } from '@/tests/support/db'
import { isMain } from './lib/report'
import { startServerProcess, type ServerKind, type ServerProcess } from './servers/serverProcess'
import { awaitPersisted } from './sync-latency/persisted'
import { describeRun, findProblems, resultTables, SECTION_HEADING, writeSection, type KResult } from './sync-latency/report'
import { percentile, summarize } from './sync-latency/stats'
import { runScenario, type RunResult, type Scenario } from './sync-latency/workload'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')

type Plan = Omit<Scenario, 'seed'>

/**
 * Per-client gaps grow with K so the whole fan-out stays near a few thousand
 * receipts per second: all K clients share this one process, and past that
 * we would time our own event loop rather than the servers. Several short
 * rounds per server beat a few long ones: more interleaving, less drift.
 */
const PLAN: readonly Plan[] = [
  { clients: 2, editsPerClient: 100, gapMs: [25, 50] },
  { clients: 20, editsPerClient: 30, gapMs: [50, 100] },
  { clients: 100, editsPerClient: 3, gapMs: [1000, 2000] },
]
const ROUNDS = 4
const WARM_UP: Plan = { clients: 5, editsPerClient: 30, gapMs: [10, 30] }
const PERSIST_TIMEOUT_MS = 10_000

interface Measured {
  result: RunResult
  /** ours only: probe edits found in the database before the clients left. */
  persisted: number
  /** The server's worst event-loop delay (p99) while the edits flowed. */
  loopDelayP99Ms: number
}

export async function main(): Promise<KResult[]> {
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
    const server: Record<ServerKind, { process: ServerProcess; url: string }> = {
      ours: { process: ours, url: `ws://127.0.0.1:${ours.port}/ws` },
      reference: { process: reference, url: `ws://127.0.0.1:${reference.port}` },
    }

    let seed = 1
    /** One run on a fresh room, bracketed by the server's event-loop stats. */
    const measure = async (kind: ServerKind, plan: Plan, room: string): Promise<Measured> => {
      const { process: child, url } = server[kind]
      let persisted = 0
      let loopDelayP99Ms = Number.NaN
      // Our server only admits maps that exist: the document log has a foreign key to Map.
      if (kind === 'ours') await temp.db.map.create({ data: { id: room, title: `sync bench ${room}` } })
      const result = await runScenario(url, room, { ...plan, seed: seed++ }, {
        beforeSending: async () => void (await child.stats()),
        whileConnected: async () => {
          loopDelayP99Ms = (await child.stats()).eventLoopDelayMs.p99
          if (kind === 'ours') persisted = await awaitPersisted(store, room, plan, PERSIST_TIMEOUT_MS)
        },
      })
      return { result, persisted, loopDelayP99Ms }
    }

    console.log(`sync-latency: ours ${JSON.stringify(ours.settings)}, reference ${JSON.stringify(reference.settings)}; warming up`)
    for (const kind of ['ours', 'reference'] as const) await measure(kind, WARM_UP, `warmup-${kind}`)

    const results: KResult[] = []
    for (const [i, plan] of PLAN.entries()) {
      const runs: Record<ServerKind, Measured[]> = { ours: [], reference: [] }
      for (let round = 0; round < ROUNDS; round++) {
        // Alternating who goes first cancels slow drift in the machine's load.
        const order: ServerKind[] = (i + round) % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
        for (const kind of order) {
          const t0 = performance.now()
          const m = await measure(kind, plan, `k${plan.clients}-r${round}-${kind}`)
          runs[kind].push(m)
          console.log(roundLine(plan, round, kind, m, performance.now() - t0))
        }
      }
      const worstLoop = (ms: Measured[]) => Math.max(...ms.map((m) => m.loopDelayP99Ms))
      results.push({
        ...plan,
        ours: summarize(runs.ours.map((m) => m.result)),
        reference: summarize(runs.reference.map((m) => m.result)),
        pairedP50Ratios: runs.ours.map((m, r) => p50Of(m.result) / p50Of(runs.reference[r]!.result)),
        loopDelayP99Ms: { ours: worstLoop(runs.ours), reference: worstLoop(runs.reference) },
        persisted: {
          found: runs.ours.reduce((n, m) => n + m.persisted, 0),
          expected: runs.ours.reduce((n, m) => n + m.result.edits, 0),
        },
      })
    }

    const seconds = (performance.now() - started) / 1000
    const tables = resultTables(results)
    console.log(`\n${tables}\n(total ${seconds.toFixed(0)} s)`)
    const problems = findProblems(results, PERSIST_TIMEOUT_MS)
    if (problems.length > 0) throw new Error(`sync-latency failed its checks, docs not updated:\n  ${problems.join('\n  ')}`)

    const cpu = os.cpus()
    const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`
    const section = describeRun(tables, { machine, rounds: ROUNDS, persistTimeoutMs: PERSIST_TIMEOUT_MS, seconds, loadBefore, loadAfter: os.loadavg()[0]! })
    writeSection(DOC_FILE, SECTION_HEADING, section)
    console.log(`wrote ${path.relative(root, DOC_FILE)} (${SECTION_HEADING})`)
    return results
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await cleanup()
  }
}

const p50Of = (result: RunResult) => percentile(Float64Array.from(result.latencies).sort(), 0.5)

function roundLine(plan: Plan, round: number, kind: ServerKind, m: Measured, elapsedMs: number): string {
  const { result } = m
  const sorted = Float64Array.from(result.latencies).sort()
  const missing = result.expectedReceipts - result.latencies.length
  return (
    `  K=${plan.clients} round ${round + 1}/${ROUNDS} ${kind.padEnd(9)} ` +
    `${result.latencies.length}/${result.expectedReceipts} receipts${missing ? ` (${missing} MISSING)` : ''}, ` +
    `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, ` +
    `server loop delay p99 ${m.loopDelayP99Ms.toFixed(1)} ms` +
    `${kind === 'ours' ? `, in DB ${m.persisted}/${result.edits}` : ''} (${(elapsedMs / 1000).toFixed(1)} s)`
  )
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
}
