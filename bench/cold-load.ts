/**
 * Cold load: how long a person waits for a 2,000-node map's first sync when
 * nobody has it open (the server loads it from the database) against the
 * same person joining while it is open (the room answers from memory). Our
 * app as `npm start` runs it, SQLite; the map is stored as a map is after
 * use: its first state plus 100 edits in the log since the last snapshot.
 * Each measurement is one stock client in a process of its own, from the
 * token fetch to `synced` (the client's own decoding of the map included,
 * equal in both cases); rounds alternate cold and open.
 *
 *   npx tsx bench/cold-load.ts        (or `npm run bench` for every bench)
 */
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { localOrigin, updateNode } from '@/core/ydoc'
import { benchMap, storeBenchMap } from './editor-fps/fixture'
import { runCrowd } from './lib/crowdRunner'
import { runIfMain, markdownTable, median } from './lib/report'
import { connectStockClient } from './lib/stockClient'
import { startOurApp, type OurApp } from './servers/app'
import { writeSection } from './sync-latency/report'

const root = path.resolve(import.meta.dirname, '..')
const DOC_FILE = path.join(root, 'docs/benchmarks.md')
const HEADING = '## Cold load'
const NODES = 2000
const LOG_EDITS = 100
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 7)

/** The map's stored form after use: its creation row plus LOG_EDITS edit rows. */
async function storeUsedMap(app: OurApp): Promise<string> {
  const mapId = await storeBenchMap(app.db, benchMap(NODES))
  const doc = new Y.Doc()
  for (const u of (await app.store.load(mapId)).updates) Y.applyUpdate(doc, u)
  const edits: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => edits.push(u))
  const me = localOrigin()
  for (let i = 0; i < LOG_EDITS; i++) updateNode(doc, `n${(i * 17) % NODES}`, { text: `edited ${i}` }, me)
  for (const edit of edits) await app.store.append(mapId, [edit])
  return mapId
}

async function roomIsClosed(app: OurApp, mapId: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const ready = (await (await fetch(`${app.url}/readyz`)).json()) as { rooms: Array<{ mapId: string }> }
    if (!ready.rooms.some((r) => r.mapId === mapId)) return
  }
  throw new Error(`room ${mapId} still open after 30 s`)
}

export async function main() {
  const started = performance.now()
  const loadBefore = os.loadavg()
  const app = await startOurApp()
  try {
    const mapId = await storeUsedMap(app)
    const [holder, joiner] = await app.people(2)
    const firstSync = async () => {
      const outcome = await runCrowd({
        wsUrl: app.wsUrl,
        appUrl: app.url,
        serverPid: app.pid,
        mapId,
        people: [joiner!],
        perProcess: 1,
        cursorIntervalMs: null,
        edits: null,
        drainMs: 0,
        warmMs: 0,
        measureMs: 0,
      })
      return outcome.connectMs
    }
    const times = { cold: [] as number[], open: [] as number[] }
    const loads: number[] = []
    // One untimed cold load and open join first: the process's first map load pays for JIT warm-up.
    await roomIsClosed(app, mapId)
    await firstSync()
    for (let round = -1; round < ROUNDS; round++) {
      for (const kind of round % 2 === 0 ? (['cold', 'open'] as const) : (['open', 'cold'] as const)) {
        loads.push(os.loadavg()[0]!)
        if (kind === 'cold') {
          await roomIsClosed(app, mapId)
          const ms = await firstSync()
          if (round >= 0) times.cold.push(ms)
        } else {
          const held = await connectStockClient({ wsUrl: app.wsUrl, appUrl: app.url, mapId, person: holder! })
          try {
            const ms = await firstSync()
            if (round >= 0) times.open.push(ms)
          } finally {
            held.provider.destroy()
          }
        }
      }
      if (round >= 0)
        console.log(
          `  round ${round + 1}/${ROUNDS}: cold ${times.cold.at(-1)!.toFixed(0)} ms, open ${times.open.at(-1)!.toFixed(0)} ms`,
        )
    }
    const cold = median(times.cold)
    const open = median(times.open)
    const f = (x: number) => x.toFixed(0)
    const table = markdownTable(
      ['first sync of a 2,000-node map', 'median ms', 'min ms', 'max ms'],
      [
        ['cold (loaded from SQLite)', f(cold), f(Math.min(...times.cold)), f(Math.max(...times.cold))],
        ['open (room in memory)', f(open), f(Math.min(...times.open)), f(Math.max(...times.open))],
      ],
    )
    const cpu = os.cpus()
    const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s in all.
Load average (1 min) ${loadBefore[0]!.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during.
Regenerate with \`npx tsx bench/cold-load.ts\`.

Method. The app as \`npm start\` runs it on a fresh SQLite file. One map of ${NODES} nodes (the frame-rate bench's
Kialo-like map), stored as a used map is: its first state plus ${LOG_EDITS} edit rows since. Each measurement is one stock
\`y-websocket\` client in a process of its own, timed from its token fetch to \`synced\` (its own decoding of the map
included). *Cold*: nobody has the map open (checked on \`/readyz\`), so the server loads it from the database before it
answers [SY6]. *Open*: another person holds the map open. ${ROUNDS} rounds, alternating which goes first, after one
untimed round; medians.

${table}

**Cold ÷ open: ${(cold / open).toFixed(2)}×** (target ≤ 1.5).
`
    console.log(`\n${section}`)
    writeSection(DOC_FILE, HEADING, section)
    return { cold, open }
  } finally {
    await app.stop()
  }
}

runIfMain(import.meta.url, main)
