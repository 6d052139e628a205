/**
 * Many small rooms: 500 maps × 3 people (1,500 stock y-websocket clients) at
 * about 350 edits a second in all. Our app as `npm start` runs it (every
 * person fetches a token over HTTP with their session cookie, auth at the
 * upgrade, SQLite persistence) against `@y/websocket-server@0.1.1` as
 * `npx y-websocket` runs it, side by side in one run, rounds interleaved.
 * Clients live in 4 processes of their own, apart from both servers.
 *
 * Reports, each as ours ÷ reference: p99 (and p50) edit latency, server CPU
 * per edit, RSS of the sync process (Next's own process left out, [SY11]), and the time to connect all
 * 1,500 clients (token fetches included for ours).
 *
 *   npx tsx bench/rooms.ts        (or `npm run bench` for every bench)
 */
import os from 'node:os'
import path from 'node:path'
import { processTreeUsage } from './lib/processTree'
import { runIfMain, markdownTable } from './lib/report'
import type { RoomsSeat } from './rooms/client'
import { startRoomsClient, type RoomsClientResult } from './rooms/clientPool'
import { startOurApp } from './servers/app'
import { startServerProcess } from './servers/serverProcess'
import { writeSection } from './sync-latency/report'
import { percentile } from './sync-latency/stats'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')
const HEADING = '## Rooms'
const MAPS = Number(process.env.BENCH_ROOMS_MAPS ?? 500)
const PER_MAP = 3
const EDITS_PER_SEC = Number(process.env.BENCH_ROOMS_RATE ?? 350)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000
const WARM_MS = 3000
const PROCESSES = 4

type Kind = 'ours' | 'reference'

interface Round {
  kind: Kind
  connectMs: number
  /** The server's CPU time while the 1,500 connected, ms (ours: the sync process). */
  connectCpuMs: number
  sent: number
  expected: number
  latencies: Float64Array
  duplicates: number
  closes: number[]
  cpuMs: number
  rssBytes: number
  load: number
}

export async function main(): Promise<Round[]> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const ours = await startOurApp()
  const reference = await startServerProcess('reference')
  try {
    const people = await ours.people(MAPS * PER_MAP)
    const servers = {
      ours: { pid: ours.pid, wsUrl: ours.wsUrl, appUrl: ours.url as string | undefined },
      reference: { pid: reference.pid, wsUrl: `ws://127.0.0.1:${reference.port}`, appUrl: undefined },
    }
    const run = async (kind: Kind, round: number): Promise<Round> => {
      const maps = Array.from({ length: MAPS }, (_, m) => `rooms${round}${kind}m${m}`)
      if (kind === 'ours') await ours.rooms(maps)
      // Seat i of map m is person m*3+i; a map's three people sit in different processes.
      const seats: RoomsSeat[] = maps.flatMap((mapId, m) =>
        Array.from({ length: PER_MAP }, (_, seat) => {
          const person = people[m * PER_MAP + seat]!
          return { mapId, seat, person: kind === 'ours' ? person : { index: person.index } }
        }),
      )
      const meanGap = (seats.length / EDITS_PER_SEC) * 1000
      const groups = Array.from({ length: PROCESSES }, (_, p) => seats.filter((_, i) => i % PROCESSES === p))
      const { pid, wsUrl, appUrl } = servers[kind]
      const clients = groups.map((g) =>
        startRoomsClient({
          wsUrl,
          appUrl,
          seats: g,
          gapMs: [meanGap / 2, (meanGap * 3) / 2],
          quietMs: 2000,
          maxDrainMs: 30_000,
        }),
      )
      try {
        await Promise.all(clients.map((c) => c.next('loaded')))
        const t0 = performance.now()
        const cpuBeforeConnect = processTreeUsage(pid, { sync: true }).cpuMs
        for (const c of clients) c.send('connect')
        await Promise.all(clients.map((c) => c.next('ready')))
        const connectMs = performance.now() - t0
        const connectCpuMs = processTreeUsage(pid, { sync: true }).cpuMs - cpuBeforeConnect
        const start = performance.timeOrigin + performance.now() + WARM_MS
        const end = start + MEASURE_MS
        for (const c of clients) c.send(`go ${start} ${end}`)
        await new Promise((r) => setTimeout(r, WARM_MS))
        const before = processTreeUsage(pid, { sync: true })
        const load = os.loadavg()[0]!
        await new Promise((r) => setTimeout(r, MEASURE_MS))
        const rssBytes = processTreeUsage(pid, { sync: true }).rssBytes
        const results = await Promise.all(clients.map((c) => c.next<{ result: RoomsClientResult }>('result', 120_000)))
        const after = processTreeUsage(pid, { sync: true })
        const sent = results.reduce((n, r) => n + r.result.sent, 0)
        const latencies = Float64Array.from(results.flatMap((r) => r.result.latencies)).sort()
        const outcome: Round = {
          kind,
          connectMs,
          connectCpuMs,
          sent,
          expected: sent * (PER_MAP - 1),
          latencies,
          duplicates: results.reduce((n, r) => n + r.result.duplicates, 0),
          closes: results.flatMap((r) => r.result.closes),
          cpuMs: after.cpuMs - before.cpuMs,
          rssBytes,
          load,
        }
        console.log(roundLine(round, outcome))
        return outcome
      } finally {
        for (const c of clients) c.stop()
        // Let the sockets close and the rooms flush before the next round starts.
        await new Promise((r) => setTimeout(r, 3000))
      }
    }

    console.log(`rooms: ${MAPS} maps × ${PER_MAP} people, ~${EDITS_PER_SEC} edits/s, ${ROUNDS} rounds per server`)
    const rounds: Round[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const order: Kind[] = round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
      for (const kind of order) rounds.push(await run(kind, round))
    }
    const idle = {
      ours: processTreeUsage(ours.pid, { sync: true }).rssBytes,
      reference: processTreeUsage(reference.pid, { sync: true }).rssBytes,
    }
    const section = describe(rounds, idle, {
      loadBefore,
      loadAfter: os.loadavg(),
      seconds: (performance.now() - started) / 1000,
    })
    console.log(`\n${section}`)
    const problems = rounds.filter((r) => r.latencies.length < r.expected || r.duplicates > 0)
    if (problems.length > 0)
      throw new Error(`rooms: ${problems.length} round(s) lost or doubled edits; docs not updated`)
    writeSection(DOC_FILE, HEADING, section)
    console.log(`wrote ${path.relative(root, DOC_FILE)} (${HEADING})`)
    return rounds
  } finally {
    await Promise.allSettled([ours.stop(), reference.stop()])
  }
}

function pooled(rounds: Round[], kind: Kind) {
  const mine = rounds.filter((r) => r.kind === kind)
  const latencies = Float64Array.from(mine.flatMap((r) => [...r.latencies])).sort()
  const sum = (f: (r: Round) => number) => mine.reduce((n, r) => n + f(r), 0)
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuPerEdit: sum((r) => r.cpuMs) / sum((r) => r.sent),
    rssMiB: Math.max(...mine.map((r) => r.rssBytes)) / 2 ** 20,
    connectS: sum((r) => r.connectMs) / mine.length / 1000,
    connectCpuMs: sum((r) => r.connectCpuMs) / mine.length / (MAPS * PER_MAP),
    rate: sum((r) => r.sent) / ((mine.length * MEASURE_MS) / 1000),
    receipts: `${sum((r) => r.latencies.length)}/${sum((r) => r.expected)}`,
    closes: mine.flatMap((r) => r.closes).length,
  }
}

function describe(
  rounds: Round[],
  idle: Record<Kind, number>,
  run: { loadBefore: number[]; loadAfter: number[]; seconds: number },
): string {
  const o = pooled(rounds, 'ours')
  const r = pooled(rounds, 'reference')
  const f = (x: number, d = 1) => x.toFixed(d)
  const table = markdownTable(
    [
      'server',
      'edits/s',
      'receipts',
      'closes',
      'p50 ms',
      'p99 ms',
      'CPU ms/edit',
      'RSS MiB (loaded)',
      'RSS MiB (after)',
      'connect 1,500 s',
      'server CPU ms per connect',
    ],
    [
      [
        'ours',
        f(o.rate),
        o.receipts,
        o.closes,
        f(o.p50),
        f(o.p99),
        f(o.cpuPerEdit, 3),
        f(o.rssMiB, 0),
        f(idle.ours / 2 ** 20, 0),
        f(o.connectS),
        f(o.connectCpuMs, 2),
      ],
      [
        'reference',
        f(r.rate),
        r.receipts,
        r.closes,
        f(r.p50),
        f(r.p99),
        f(r.cpuPerEdit, 3),
        f(r.rssMiB, 0),
        f(idle.reference / 2 ** 20, 0),
        f(r.connectS),
        f(r.connectCpuMs, 2),
      ],
    ],
  )
  const ratio = (a: number, b: number) => f(a / b, 2)
  const cpu = os.cpus()
  const loads = rounds.map((x) => `${x.kind} ${f(x.load)}`).join(', ')
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${f(run.seconds, 0)} s in all.
Load average (1 min) ${f(run.loadBefore[0]!)} before, ${f(run.loadAfter[0]!)} after; at the start of each timed window: ${loads}.
The machine is shared: absolute times are noisy, the ratios are what to compare. Regenerate with \`npx tsx bench/rooms.ts\`.

Method. ${MAPS} maps × ${PER_MAP} people, every person a stock \`y-websocket\` provider in one of ${PROCESSES} client processes
(a map's people in different processes), apart from both servers. *Ours* is the app as \`npm start\` runs it (\`scripts/start.ts\`,
fresh SQLite file): each person has a guest session, fetches a token from \`/api/maps/<id>/token\` with its cookie and Origin,
and opens the socket with both. *Reference* is \`@y/websocket-server@0.1.1\`'s \`setupWSConnection\` as \`npx y-websocket\`
runs it, in memory. "Connect" is from telling the client processes to connect (modules loaded) until all ${MAPS * PER_MAP} are synced,
each process connecting at most 32 people at a time (token fetch to synced), for both servers.
Each person then edits (adds a claim carrying its send time) at a uniform random gap averaging ${f((MAPS * PER_MAP) / EDITS_PER_SEC, 2)} s,
for ${MEASURE_MS / 1000} s after ${WARM_MS / 1000} s of warm-up; latency is receipt minus send time at the map's two other people
(epoch clock shared by the processes). CPU is the server's user + system time (ours: the sync process) from the window's start until every
receipt was in, over the edits sent; RSS is the server's at the window's end (ours: the sync process, without Next's process, which sees no frame) ("after": once every round's clients had left).
${ROUNDS} rounds per server, interleaved; percentiles pool the rounds.

${table}

**Ours ÷ reference**: p99 **${ratio(o.p99, r.p99)}×** (target ≤ 1.5), p50 ${ratio(o.p50, r.p50)}×, CPU per edit **${ratio(o.cpuPerEdit, r.cpuPerEdit)}×**
(target ≤ 1.5), RSS **${ratio(o.rssMiB, r.rssMiB)}×** (target ≤ 2, the sync process alone),
time to connect 1,500 **${ratio(o.connectS, r.connectS)}×** (target ≤ 2; the server's CPU per connect ${ratio(o.connectCpuMs, r.connectCpuMs)}×).
`
}

function roundLine(round: number, r: Round): string {
  const missing = r.expected - r.latencies.length
  return (
    `  round ${round + 1}/${ROUNDS} ${r.kind.padEnd(9)} connect ${(r.connectMs / 1000).toFixed(1)} s (server CPU ${(r.connectCpuMs / 1000).toFixed(1)} s), ${r.sent} edits, ` +
    `${r.latencies.length}/${r.expected} receipts${missing > 0 ? ` (${missing} MISSING)` : ''}, ` +
    `p50 ${percentile(r.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(r.latencies, 0.99).toFixed(1)} ms, ` +
    `CPU ${(r.cpuMs / r.sent).toFixed(3)} ms/edit, RSS ${(r.rssBytes / 2 ** 20).toFixed(0)} MiB, closes ${r.closes.length}, load ${r.load.toFixed(1)}`
  )
}

runIfMain(import.meta.url, main)
