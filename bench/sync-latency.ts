/**
 * Sync latency: K stock y-websocket clients on one map, each sending paced
 * edits, timed from send to receipt on every other client (epoch clock,
 * shared by the processes). Our app as `npm start` runs it (each client
 * fetches its token over HTTP with its session cookie, auth at the upgrade,
 * SQLite persistence) and the bare reference `@y/websocket-server` run side
 * by side, interleaved; clients live in their own processes, apart from the
 * servers. We report ours/reference ratios: on a shared 2-core machine only
 * the ratios mean much.
 *
 *   npx tsx bench/sync-latency.ts        (or `npm run bench` for every bench)
 */
import os from 'node:os'
import path from 'node:path'
import { runCrowd, type CrowdOutcome } from './lib/crowdRunner'
import { isMain } from './lib/report'
import { startOurApp, type OurApp } from './servers/app'
import { startServerProcess, type ServerKind, type ServerProcess } from './servers/serverProcess'
import { awaitPersisted } from './sync-latency/persisted'
import {
  describeRun,
  findProblems,
  resultTables,
  SECTION_HEADING,
  writeSection,
  type KResult,
} from './sync-latency/report'
import { percentile, summarize } from './sync-latency/stats'
import type { RunResult, Scenario } from './sync-latency/workload'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')

/**
 * Per-client gaps grow with K so the fan-out stays near a few thousand
 * receipts per second. Several short rounds per server beat a few long ones:
 * more interleaving, less drift.
 */
const FULL_PLAN: readonly Scenario[] = [
  { clients: 2, editsPerClient: 100, gapMs: [25, 50] },
  { clients: 20, editsPerClient: 30, gapMs: [50, 100] },
  { clients: 100, editsPerClient: 3, gapMs: [2000, 4000] },
]
/** `BENCH_K=2,20` runs only those K, for a quick look; the recorded section always comes from a full run. */
const ONLY_K = process.env.BENCH_K?.split(',').map(Number)
const PLAN = ONLY_K ? FULL_PLAN.filter((p) => ONLY_K.includes(p.clients)) : FULL_PLAN
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const WARM_UP: Scenario = { clients: 5, editsPerClient: 30, gapMs: [10, 30] }
const PERSIST_TIMEOUT_MS = 10_000
/** At most 4 client processes (2 cores), at most 25 clients each. */
const processesFor = (k: number) => Math.min(4, Math.ceil(k / 10))

interface Measured {
  result: RunResult
  /** ours only: probe edits found in the database before the clients left. */
  persisted: number
  /** The server process tree's CPU time over the run, ms. */
  cpuMs: number
}

export async function main(): Promise<KResult[]> {
  const started = performance.now()
  const loadBefore = os.loadavg()[0]!
  let ours: OurApp | undefined
  let reference: ServerProcess | undefined
  const cleanup = () => Promise.allSettled([ours?.stop(), reference?.stop()])
  const onSignal = () => void cleanup().finally(() => process.exit(130))
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    ;[ours, reference] = await Promise.all([startOurApp(), startServerProcess('reference')])
    const app = ours
    const people = await app.people(Math.max(...PLAN.map((p) => p.clients)))
    const server: Record<ServerKind, { pid: number; wsUrl: string; appUrl?: string }> = {
      ours: { pid: app.pid, wsUrl: app.wsUrl, appUrl: app.url },
      reference: { pid: reference.pid, wsUrl: `ws://127.0.0.1:${reference.port}` },
    }

    /** One run on a fresh room. */
    const measure = async (kind: ServerKind, plan: Scenario, room: string): Promise<Measured> => {
      let persisted = 0
      if (kind === 'ours') await app.room(room, `sync bench ${room}`)
      const outcome = await runCrowd({
        wsUrl: server[kind].wsUrl,
        appUrl: server[kind].appUrl,
        serverPid: server[kind].pid,
        mapId: room,
        people:
          kind === 'ours'
            ? people.slice(0, plan.clients)
            : people.slice(0, plan.clients).map(({ index }) => ({ index })),
        perProcess: Math.ceil(plan.clients / processesFor(plan.clients)),
        cursorIntervalMs: null,
        edits: {
          editors: Array.from({ length: plan.clients }, (_, i) => i),
          count: plan.editsPerClient,
          gapMs: [...plan.gapMs],
        },
        drainMs: 30_000,
        warmMs: 200 + 5 * plan.clients,
        measureMs: 0,
        whileConnected: async () => {
          if (kind === 'ours') persisted = await awaitPersisted(app.store, room, plan, PERSIST_TIMEOUT_MS)
        },
      })
      return { result: toRunResult(plan, outcome), persisted, cpuMs: outcome.serverCpuMs }
    }

    console.log(`sync-latency: our app (npm start, SQLite) against @y/websocket-server; warming up`)
    for (const kind of ['ours', 'reference'] as const) await measure(kind, WARM_UP, `warmup${kind}`)

    const results: KResult[] = []
    for (const [i, plan] of PLAN.entries()) {
      const runs: Record<ServerKind, Measured[]> = { ours: [], reference: [] }
      for (let round = 0; round < ROUNDS; round++) {
        // Alternating who goes first cancels slow drift in the machine's load.
        const order: ServerKind[] = (i + round) % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
        for (const kind of order) {
          const t0 = performance.now()
          const m = await measure(kind, plan, `k${plan.clients}r${round}${kind}`)
          runs[kind].push(m)
          console.log(roundLine(plan, round, kind, m, performance.now() - t0))
        }
      }
      const cpuPerEdit = (ms: Measured[]) =>
        ms.reduce((n, m) => n + m.cpuMs, 0) / ms.reduce((n, m) => n + m.result.edits, 0)
      results.push({
        ...plan,
        ours: summarize(runs.ours.map((m) => m.result)),
        reference: summarize(runs.reference.map((m) => m.result)),
        pairedP50Ratios: runs.ours.map((m, r) => p50Of(m.result) / p50Of(runs.reference[r]!.result)),
        cpuMsPerEdit: { ours: cpuPerEdit(runs.ours), reference: cpuPerEdit(runs.reference) },
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
    if (problems.length > 0)
      throw new Error(`sync-latency failed its checks, docs not updated:\n  ${problems.join('\n  ')}`)

    if (ONLY_K) {
      console.log(`BENCH_K=${ONLY_K.join(',')}: a partial run, so docs/benchmarks.md is left as it is`)
      return results
    }
    const cpu = os.cpus()
    const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`
    const section = describeRun(tables, {
      machine,
      rounds: ROUNDS,
      persistTimeoutMs: PERSIST_TIMEOUT_MS,
      seconds,
      loadBefore,
      loadAfter: os.loadavg()[0]!,
    })
    writeSection(DOC_FILE, SECTION_HEADING, section)
    console.log(`wrote ${path.relative(root, DOC_FILE)} (${SECTION_HEADING})`)
    return results
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await cleanup()
  }
}

function toRunResult(plan: Scenario, o: CrowdOutcome): RunResult {
  return {
    clients: plan.clients,
    edits: plan.clients * plan.editsPerClient,
    expectedReceipts: o.expectedEditReceipts,
    latencies: Float64Array.from(o.edits),
    duplicates: o.duplicateEdits,
    windowMs: o.lastEditReceiptAt - o.firstEditAt,
  }
}

const p50Of = (result: RunResult) => percentile(Float64Array.from(result.latencies).sort(), 0.5)

function roundLine(plan: Scenario, round: number, kind: ServerKind, m: Measured, elapsedMs: number): string {
  const { result } = m
  const sorted = Float64Array.from(result.latencies).sort()
  const missing = result.expectedReceipts - result.latencies.length
  return (
    `  K=${plan.clients} round ${round + 1}/${ROUNDS} ${kind.padEnd(9)} ` +
    `${result.latencies.length}/${result.expectedReceipts} receipts${missing ? ` (${missing} MISSING)` : ''}, ` +
    `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, ` +
    `server CPU ${(m.cpuMs / result.edits).toFixed(2)} ms/edit` +
    `${kind === 'ours' ? `, in DB ${m.persisted}/${result.edits}` : ''} (${(elapsedMs / 1000).toFixed(1)} s)`
  )
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
}
