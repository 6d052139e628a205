import fs from 'node:fs'
import { ratios, type Summary } from './stats'

export interface KResult {
  clients: number
  editsPerClient: number
  gapMs: readonly [number, number]
  ours: Summary
  reference: Summary
  /** Each server process tree's CPU time (user + system) per edit sent, ms, over all rounds. */
  cpuMsPerEdit: { ours: number; reference: number }
  /** p50 ours/reference of each back-to-back pair of rounds: the spread shows how much to trust the pooled ratio. */
  pairedP50Ratios: number[]
  /** Probe edits found in the database after ours' runs, out of those sent. */
  persisted: { found: number; expected: number }
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const rate = (x: number) => x.toFixed(0)
const ratio = (x: number) => `${x.toFixed(2)}×`

/** The ours/reference ratios, then the per-server numbers, as two markdown tables. */
export function resultTables(results: readonly KResult[]): string {
  const summary = [
    '| K | p50 ours/ref | p50 ratio per round pair | p99 ours/ref | throughput ours/ref | CPU per edit ours/ref | ours: edits in the database |',
    '|--:|--:|:--|--:|--:|--:|:--|',
  ]
  for (const r of results) {
    const q = ratios(r.ours, r.reference)
    const db = `${r.persisted.found}/${r.persisted.expected} ${r.persisted.found === r.persisted.expected ? 'ok' : 'MISSING'}`
    const pairs = r.pairedP50Ratios.map((x) => x.toFixed(2)).join(', ')
    const cpu = ratio(r.cpuMsPerEdit.ours / r.cpuMsPerEdit.reference)
    summary.push(
      `| ${r.clients} | ${ratio(q.p50)} | ${pairs} | ${ratio(q.p99)} | ${ratio(q.throughput)} | ${cpu} | ${db} |`,
    )
  }
  const detail = [
    '| K | edits per client × rounds (gap ms) | server | receipts | p50 ms | p99 ms | receipts/s | edits/s | server CPU ms per edit |',
    '|--:|:--|:--|--:|--:|--:|--:|--:|--:|',
  ]
  for (const r of results) {
    for (const name of ['ours', 'reference'] as const) {
      const s = r[name]
      detail.push(
        `| ${r.clients} | ${r.editsPerClient} × ${s.rounds} (${r.gapMs[0]}–${r.gapMs[1]}) | ${name} | ` +
          `${s.receipts}/${s.expectedReceipts} | ${ms(s.p50Ms)} | ${ms(s.p99Ms)} | ${rate(s.receiptsPerSec)} | ` +
          `${rate(s.editsPerSec)} | ${ms(r.cpuMsPerEdit[name])} |`,
      )
    }
  }
  return `${summary.join('\n')}\n\n${detail.join('\n')}\n`
}

/** Everything that makes a run invalid: its numbers would describe a server that lost or repeated edits. */
export function findProblems(results: readonly KResult[], persistTimeoutMs: number): string[] {
  const problems: string[] = []
  for (const r of results) {
    for (const name of ['ours', 'reference'] as const) {
      const s = r[name]
      if (s.receipts !== s.expectedReceipts)
        problems.push(`K=${r.clients} ${name}: ${s.expectedReceipts - s.receipts} receipts missing`)
      if (s.duplicates > 0) problems.push(`K=${r.clients} ${name}: ${s.duplicates} edits received twice`)
    }
    if (r.persisted.found !== r.persisted.expected) {
      const lost = r.persisted.expected - r.persisted.found
      problems.push(`K=${r.clients} ours: ${lost} edits not in the database ${persistTimeoutMs} ms after delivery`)
    }
  }
  return problems
}

export interface RunFacts {
  machine: string
  rounds: number
  persistTimeoutMs: number
  seconds: number
  loadBefore: number
  loadAfter: number
}

/** The `## Sync latency` section body: when and where, how, then the tables. */
export function describeRun(tables: string, run: RunFacts): string {
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${run.machine}, ${run.seconds.toFixed(0)} s in all.
Load average ${run.loadBefore.toFixed(1)} before and ${run.loadAfter.toFixed(1)} after: the machine is shared, so
absolute times are noisy and only the ratios are worth comparing. Regenerate
with \`npx tsx bench/sync-latency.ts\` (also part of \`npm run bench\`).

Method. *Ours* is the app as \`npm start\` runs it (\`scripts/start.ts\`: Next, the
token route, auth at the upgrade, Prisma on a fresh SQLite file, PERSIST_DELAY_MS 50):
every client has a guest session, fetches its token from \`/api/maps/<id>/token\`
with its cookie and opens the socket with the token, its Origin and its cookie.
*Reference* is \`@y/websocket-server@0.1.1\`'s \`setupWSConnection\` on its own ws,
in memory, as \`npx y-websocket\` runs it. All K clients are stock \`y-websocket\`
providers in client processes of their own (up to 4, at most 25 clients each),
apart from both servers. Each client adds a claim \`<client>-<n>\` whose x is its epoch-ms send time (a real edit: the update guard [PA2] refuses writes outside the map's layout)
on a paced schedule (uniform random gap in the range shown, random start), and
every other client records its receive time minus that value (to 0.01 ms) when the key
appears (\`performance.timeOrigin + performance.now()\`: one clock for all
processes on the machine). Per K the servers run ${run.rounds} rounds each,
interleaved, the first server alternating, after one warm-up run each; every run
uses a fresh room. Percentiles pool all receipts of a server's rounds.
Throughput is receipts delivered per second from the first send to the last
receipt; under paced load it shows whether a server kept up (ratio ≈ 1) more
than its ceiling. "Server CPU per edit" is the server process tree's user +
system time over the run divided by the edits sent (ours includes Next, idle
here, and the database writes). The run fails, and leaves this section alone,
if any client misses or double-receives an edit, or if ours has not written
every edit to the database (read back through the MapStore while the clients
are still connected) within ${run.persistTimeoutMs / 1000} s of delivery.

${tables}`
}

export const SECTION_HEADING = '## Sync latency'

/**
 * Replaces one `## ` section of a markdown file (its heading through the line
 * before the next `## ` heading), appending it when absent. Other sections
 * keep their text; only the blank lines at the seams are normalised.
 */
export function replaceSection(markdown: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}`
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.trimEnd() === heading)
  const end = start === -1 ? -1 : lines.findIndex((l, i) => i > start && /^## /.test(l))
  const before = (start === -1 ? markdown : lines.slice(0, start).join('\n')).trimEnd()
  const after = start === -1 || end === -1 ? '' : lines.slice(end).join('\n').trimEnd()
  return `${[before, section, after].filter((part) => part !== '').join('\n\n')}\n`
}

/** Rewrites only our section; read just before writing so a neighbour's fresh edit survives. */
export function writeSection(file: string, heading: string, body: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
  fs.writeFileSync(file, replaceSection(current, heading, body))
}
