/**
 * Durability latency: how long after it is sent an edit is committed to the
 * database, at K = 20 people editing one map. Our app as `npm start` runs it
 * (SQLite, PERSIST_DELAY_MS 50); the clients are stock y-websocket providers
 * in 2 processes of their own (the sync-latency bench's K=20 workload). A
 * reader in this process polls the database file every 2 ms on its own
 * read-only connection, as another process would see it, and notes when each
 * probe edit first appears in a committed row. Baseline, in the same run:
 * the relay latency of the same edits (receipt at the other 19 people).
 *
 *   npx tsx bench/durability.ts        (or `npm run bench` for every bench)
 */
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { runCrowd } from './lib/crowdRunner'
import { runIfMain, markdownTable } from './lib/report'
import { startOurApp } from './servers/app'
import { writeSection } from './sync-latency/report'
import { percentile } from './sync-latency/stats'
import { observeProbes } from './sync-latency/workload'
import { COMMIT_BUCKETS_MS, quantileBound, type CommitHistogram } from '@/server/sync/commitLatency'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')
const HEADING = '## Durability latency'
const K = 20
const EDITS_PER_CLIENT = 30
const GAP_MS: [number, number] = [50, 100]
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const POLL_MS = 2

const epoch = () => performance.timeOrigin + performance.now()

/** [DU9] The server's own count of how long edits waited from receipt to commit (cumulative). */
async function commitHistogram(appUrl: string): Promise<CommitHistogram> {
  const ready = (await (await fetch(`${appUrl}/readyz`)).json()) as { commitLatency?: CommitHistogram }
  if (!ready.commitLatency) throw new Error('/readyz reports no commitLatency')
  return ready.commitLatency
}

/** Polls the file for new rows of one map; resolves each probe's first commit time. */
function watchCommits(file: string, mapId: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  const rows = db.prepare<[string, number]>(
    'SELECT "id", "data" FROM "DocUpdate" WHERE "mapId" = ? AND "id" > ? ORDER BY "id"',
  )
  const snapshot = db.prepare<[string]>('SELECT "data", "upToId" FROM "DocSnapshot" WHERE "mapId" = ?')
  const doc = new Y.Doc()
  const committed: number[] = []
  const seen = new Set<string>()
  let last = 0
  let snapshotCut = 0
  observeProbes(doc, (key, sentAt) => {
    if (seen.has(key)) return
    seen.add(key)
    committed.push(Math.round((epoch() - sentAt) * 10) / 10)
  })
  const poll = () => {
    // A compaction folds rows into the snapshot: read it whenever its cut moves.
    const snap = snapshot.get(mapId) as { data: Buffer; upToId: number } | undefined
    if (snap && snap.upToId > snapshotCut) {
      snapshotCut = snap.upToId
      Y.applyUpdate(doc, new Uint8Array(snap.data))
    }
    for (const row of rows.all(mapId, last) as Array<{ id: number; data: Buffer }>) {
      last = row.id
      Y.applyUpdate(doc, new Uint8Array(row.data))
    }
  }
  const timer = setInterval(poll, POLL_MS)
  return {
    committed,
    stop() {
      clearInterval(timer)
      poll()
      db.close()
    },
  }
}

export async function main() {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const app = await startOurApp()
  try {
    const people = await app.people(K)
    const file = app.databaseFile
    const commits: number[] = []
    const relays: number[] = []
    let expected = 0
    const loads: number[] = []
    let before: CommitHistogram | undefined
    for (let round = -1; round < ROUNDS; round++) {
      if (round === 0) before = await commitHistogram(app.url)
      const mapId = `durability${round + 1}`
      await app.room(mapId, mapId)
      const watcher = watchCommits(file, mapId)
      loads.push(os.loadavg()[0]!)
      const outcome = await runCrowd({
        wsUrl: app.wsUrl,
        appUrl: app.url,
        serverPid: app.pid,
        mapId,
        people,
        perProcess: K / 2,
        cursorIntervalMs: null,
        edits: { editors: people.map((p) => p.index), count: EDITS_PER_CLIENT, gapMs: GAP_MS },
        drainMs: 30_000,
        warmMs: 300,
        measureMs: 0,
        // Every edit reaches the database before the clients leave (the room's close would flush the rest).
        whileConnected: async () => {
          for (
            const until = Date.now() + 10_000;
            watcher.committed.length < K * EDITS_PER_CLIENT && Date.now() < until;
          ) {
            await new Promise((r) => setTimeout(r, 20))
          }
        },
      })
      watcher.stop()
      const s = Float64Array.from(watcher.committed).sort()
      console.log(
        `  round ${round + 1}/${ROUNDS}${round < 0 ? ' (warm-up)' : ''}: ${watcher.committed.length}/${K * EDITS_PER_CLIENT} committed, ` +
          `p50 ${percentile(s, 0.5).toFixed(1)} ms, p99 ${percentile(s, 0.99).toFixed(1)} ms; relay p99 ${percentile(Float64Array.from(outcome.edits).sort(), 0.99).toFixed(1)} ms`,
      )
      if (round < 0) continue
      commits.push(...watcher.committed)
      relays.push(...outcome.edits)
      expected += K * EDITS_PER_CLIENT
    }
    const after = await commitHistogram(app.url)
    const appends = after.total - before!.total
    const within100 =
      after.counts.slice(0, COMMIT_BUCKETS_MS.indexOf(100) + 1).reduce((a, b) => a + b, 0) -
      before!.counts.slice(0, COMMIT_BUCKETS_MS.indexOf(100) + 1).reduce((a, b) => a + b, 0)
    const fromReceipt = {
      p50: quantileBound(before!, after, 0.5),
      p99: quantileBound(before!, after, 0.99),
      within100: within100 / appends,
    }
    const c = Float64Array.from(commits).sort()
    const r = Float64Array.from(relays).sort()
    const f = (x: number) => x.toFixed(1)
    const table = markdownTable(
      ['K = 20, one map', 'edits', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      [
        [
          'sent → committed in SQLite',
          `${commits.length}/${expected}`,
          f(percentile(c, 0.5)),
          f(percentile(c, 0.9)),
          f(percentile(c, 0.99)),
          f(c[c.length - 1] ?? NaN),
        ],
        [
          'server: receipt → committed (oldest edit of each append, [DU9])',
          `${appends} appends`,
          `≤ ${fromReceipt.p50}`,
          '',
          `≤ ${fromReceipt.p99}`,
          '',
        ],
        [
          'baseline: sent → received by a peer',
          `${r.length} receipts`,
          f(percentile(r, 0.5)),
          f(percentile(r, 0.9)),
          f(percentile(r, 0.99)),
          f(r[r.length - 1] ?? NaN),
        ],
      ],
    )
    const cpu = os.cpus()
    const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s in all.
Load average (1 min) ${loadBefore[0]!.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} at the rounds' starts.
Regenerate with \`npx tsx bench/durability.ts\`.

Method. The app as \`npm start\` runs it (SQLite, \`PERSIST_DELAY_MS\` 50: group commits on a shared 50 ms tick, one
transaction per tick for every room [ST8]). ${K} stock clients in 2 processes of their own edit one map, ${EDITS_PER_CLIENT}
edits each at a gap of ${GAP_MS[0]}–${GAP_MS[1]} ms (the sync-latency bench's K=20 workload); ${ROUNDS} rounds on fresh maps
after one warm-up round. The bench polls the database file every ${POLL_MS} ms on a read-only connection of its own, as
another process would see it, and notes when each edit first shows in a committed row. Times run from the client's send,
so they include the trip to the server and its queue (an upper bound on "from receipt"), and up to ${POLL_MS} ms of polling.
The server also counts, for every append, how long its oldest edit waited from receipt to commit, in buckets
(\`commitLatency\` on \`/readyz\`, [DU9]); the bench reads it before and after the timed rounds.

${table}

**From receipt (the server's own histogram): p99 ≤ ${fromReceipt.p99} ms, ${(fromReceipt.within100 * 100).toFixed(1)}% of appends
within 100 ms** (target: p99 ≤ 100 ms). From the client's send, as another process reads the file: p99 ${f(percentile(c, 0.99))} ms;
ratio committed ÷ relayed p99 ${(percentile(c, 0.99) / percentile(r, 0.99)).toFixed(2)}× (a commit is as late as a relay when both
wait for the same busy CPU).
`
    console.log(`\n${section}`)
    if (commits.length < expected)
      throw new Error(`durability: ${expected - commits.length} edit(s) never reached the database; docs not updated`)
    writeSection(DOC_FILE, HEADING, section)
    return { p99: percentile(c, 0.99) }
  } finally {
    await app.stop()
  }
}

runIfMain(import.meta.url, main)
