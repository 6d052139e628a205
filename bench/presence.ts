/**
 * Presence at classroom and lecture-hall scale: 40 and 150 people in one
 * map, every one moving their cursor at the editor's rate
 * (CURSOR_INTERVAL_MS) while 10 of them edit. Our app as `npm start` runs it
 * (token fetched over HTTP with each person's session cookie, auth at the
 * upgrade, SQLite persistence) against `@y/websocket-server@0.1.1` as
 * `npx y-websocket` runs it, side by side, rounds interleaved. Clients live
 * in their own processes (10 people each), apart from both servers.
 *
 *   npx tsx bench/presence.ts        (or `npm run bench` for every bench)
 */
import os from 'node:os'
import path from 'node:path'
import { CURSOR_INTERVAL_MS } from '@/components/map/hooks/usePresence'
import type { CrowdPerson } from './lib/crowd'
import { runCrowd, type CrowdOutcome } from './lib/crowdRunner'
import { isMain, markdownTable } from './lib/report'
import { startOurApp } from './servers/app'
import { startServerProcess } from './servers/serverProcess'
import { writeSection } from './sync-latency/report'
import { percentile } from './sync-latency/stats'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')
const HEADING = '## Presence'
const ROOMS = (process.env.BENCH_PRESENCE_ROOMS ?? '40,150').split(',').map(Number)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000
const WARM_MS = 2000
const EDITORS = 10
const EDIT_GAP_MS: [number, number] = [400, 600]
const PER_PROCESS = 10

type Kind = 'ours' | 'reference'

interface Row {
  people: number
  kind: Kind
  rounds: CrowdOutcome[]
}

export async function main(): Promise<Row[]> {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const ours = await startOurApp()
  const reference = await startServerProcess('reference')
  const loads: number[] = []
  try {
    const people: Record<Kind, CrowdPerson[]> = {
      ours: await ours.people(Math.max(...ROOMS)),
      reference: Array.from({ length: Math.max(...ROOMS) }, (_, index) => ({ index })),
    }
    const rows: Row[] = []
    let room = 0
    for (const [i, size] of ROOMS.entries()) {
      const byKind: Record<Kind, Row> = {
        ours: { people: size, kind: 'ours', rounds: [] },
        reference: { people: size, kind: 'reference', rounds: [] },
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order: Kind[] = (i + round) % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
        for (const kind of order) {
          const mapId = `presence${size}r${round}${kind}${++room}`
          if (kind === 'ours') await ours.room(mapId, `Presence bench ${size}`)
          const outcome = await runCrowd({
            wsUrl: kind === 'ours' ? ours.wsUrl : `ws://127.0.0.1:${reference.port}`,
            appUrl: kind === 'ours' ? ours.url : undefined,
            mapId,
            people: people[kind].slice(0, size),
            perProcess: PER_PROCESS,
            cursorIntervalMs: CURSOR_INTERVAL_MS,
            edits: {
              editors: Array.from({ length: EDITORS }, (_, e) => e),
              count: Math.round(MEASURE_MS / 500),
              gapMs: EDIT_GAP_MS,
            },
            drainMs: 10_000,
            warmMs: WARM_MS,
            measureMs: MEASURE_MS,
            serverPid: kind === 'ours' ? ours.pid : reference.pid,
          })
          loads.push(os.loadavg()[0]!)
          byKind[kind].rounds.push(outcome)
          console.log(`  ${size} people, round ${round + 1}/${ROUNDS}, ${kind.padEnd(9)} ${describe(outcome, size)}`)
        }
      }
      rows.push(byKind.ours, byKind.reference)
    }
    const table = resultTable(rows)
    console.log(`\n${table}`)
    const cpu = os.cpus()
    const seconds = (performance.now() - started) / 1000
    writeSection(
      DOC_FILE,
      HEADING,
      describeRun(table, {
        machine: `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`,
        seconds,
        loadBefore: loadBefore[0]!,
        loads,
      }),
    )
    console.log(`wrote ${path.relative(root, DOC_FILE)} (${HEADING})`)
    return rows
  } finally {
    await Promise.allSettled([ours.stop(), reference.stop()])
  }
}

function stats(rounds: CrowdOutcome[], people: number) {
  const presence = rounds.flatMap((r) => r.presence).sort((a, b) => a - b)
  const edits = rounds.flatMap((r) => r.edits).sort((a, b) => a - b)
  const seconds = rounds.reduce((s, r) => s + r.windowMs, 0) / 1000
  const sum = (f: (r: CrowdOutcome) => number) => rounds.reduce((n, r) => n + f(r), 0)
  return {
    closes: rounds.flatMap((r) => r.closes),
    disconnects: sum((r) => r.disconnects),
    presenceP50: percentile(presence, 0.5),
    presenceP99: percentile(presence, 0.99),
    /** Share of each person's moves that each other person saw (the rest were superseded by a later move). */
    seenShare: sum((r) => r.presence.length) / Math.max(1, sum((r) => r.movesSent) * (people - 1)),
    editP50: percentile(edits, 0.5),
    editP99: percentile(edits, 0.99),
    editsReceived: edits.length,
    editsExpected: sum((r) => r.expectedEditReceipts),
    framesOutPerSec: sum((r) => r.framesIn) / seconds,
    bytesOutPerSec: sum((r) => r.bytesIn) / seconds,
    framesInPerSec: sum((r) => r.framesOut) / seconds,
    bytesInPerSec: sum((r) => r.bytesOut) / seconds,
    cpuShare: sum((r) => r.serverCpuMs) / (seconds * 1000),
    rssMiB: Math.max(...rounds.map((r) => r.serverRssBytes)) / 2 ** 20,
    connectS: Math.max(...rounds.map((r) => r.connectAllMs)) / 1000,
  }
}

function describe(r: CrowdOutcome, people: number): string {
  const s = stats([r], people)
  return (
    `closes ${s.closes.length}, disconnects ${s.disconnects}, presence p50 ${s.presenceP50.toFixed(1)} / p99 ${s.presenceP99.toFixed(1)} ms, ` +
    `edits ${s.editsReceived}/${s.editsExpected} p99 ${s.editP99.toFixed(1)} ms, server out ${Math.round(s.framesOutPerSec)} frames/s ` +
    `${(s.bytesOutPerSec / 2 ** 20).toFixed(2)} MiB/s, in ${Math.round(s.framesInPerSec)} frames/s, CPU ${(s.cpuShare * 100).toFixed(0)}%`
  )
}

const mib = (x: number) => (x / 2 ** 20).toFixed(2)

function resultTable(rows: Row[]): string {
  return markdownTable(
    [
      'people',
      'server',
      'closes (codes)',
      'disconnects',
      'presence p50 ms',
      'presence p99 ms',
      'moves seen',
      'edits received',
      'edit p50 / p99 ms',
      'server frames/s out / in',
      'server MiB/s out / in',
      'server CPU',
      'server RSS MiB',
      'all connected in s',
    ],
    rows.map((row) => {
      const s = stats(row.rounds, row.people)
      const codes = [...new Set(s.closes)].join(', ')
      return [
        row.people,
        row.kind,
        `${s.closes.length}${codes ? ` (${codes})` : ''}`,
        s.disconnects,
        s.presenceP50.toFixed(1),
        s.presenceP99.toFixed(1),
        `${(Math.min(1, s.seenShare) * 100).toFixed(0)}%`,
        `${s.editsReceived}/${s.editsExpected}`,
        `${s.editP50.toFixed(1)} / ${s.editP99.toFixed(1)}`,
        `${Math.round(s.framesOutPerSec)} / ${Math.round(s.framesInPerSec)}`,
        `${mib(s.bytesOutPerSec)} / ${mib(s.bytesInPerSec)}`,
        `${(s.cpuShare * 100).toFixed(0)}%`,
        s.rssMiB.toFixed(0),
        s.connectS.toFixed(1),
      ]
    }),
  )
}

function describeRun(
  table: string,
  run: { machine: string; seconds: number; loadBefore: number; loads: number[] },
): string {
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${run.machine}, ${run.seconds.toFixed(0)} s in all.
Load average ${run.loadBefore.toFixed(1)} before, ${Math.min(...run.loads).toFixed(1)}–${Math.max(...run.loads).toFixed(1)} after the rounds
(the machine is shared with other jobs: absolute times are noisy). Regenerate
with \`npx tsx bench/presence.ts\` (also part of \`npm run bench\`).

Method. *Ours* is the app as \`npm start\` runs it (\`scripts/start.ts\` on a fresh
SQLite file): every person has a guest session, fetches a token from
\`/api/maps/<id>/token\` with its cookie, then opens the socket with that token,
its Origin and its cookie. *Reference* is \`@y/websocket-server@0.1.1\`'s
\`setupWSConnection\` on its own ws, in memory, as \`npx y-websocket\` runs it.
Every person is a stock \`y-websocket\` provider; ${PER_PROCESS} people per client
process, apart from the servers. Everyone moves their cursor every
${CURSOR_INTERVAL_MS} ms (the editor's \`CURSOR_INTERVAL_MS\`), one awareness change
per move carrying its send time; ${EDITORS} of them also edit (one key each every
${EDIT_GAP_MS[0]}–${EDIT_GAP_MS[1]} ms). After ${WARM_MS / 1000} s of warm-up, ${MEASURE_MS / 1000} s are timed; ${ROUNDS} rounds per
server and room size, interleaved, each on a fresh map. Presence latency is
receipt minus send time of every cursor state a person saw from someone else
(epoch clock, shared by the processes); "moves seen" is the share of all moves
that reached each other person (below 100% when the server coalesces: a later
move of the same person replaces an earlier one in the same tick). Server
frames and bytes are counted at the clients: *out* is what the server sent,
*in* what it received (echoes included). Server CPU is the server process
tree's user + system time over the window, as a share of one core.

${table}`
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
}
