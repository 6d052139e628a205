/**
 * One client process of a crowd bench: a share of the room's people as stock
 * y-websocket providers, apart from the servers and from the bench's other
 * client processes (one process with 100 clients ends up timing itself).
 * Started by crowdRunner.ts with its config in CROWD_CONFIG; talks JSON lines:
 * prints `ready` once every person is synced, waits for `go <start> <end>`
 * (epoch ms), moves cursors and sends edits, prints one `result`, and leaves
 * when stdin closes. Times are epoch milliseconds (performance.timeOrigin +
 * performance.now()), comparable across processes on one machine.
 */
import readline from 'node:readline'
import { observeProbes, probeKey, sendProbe } from '../sync-latency/workload'
import { connectStockClient, type Connected } from './stockClient'

export interface CrowdPerson {
  /** Index in the room (0..total-1): names, probe keys and who edits follow it. */
  index: number
  /** Our app: the session cookie sent to the token route and on the upgrade. */
  cookie?: string
}

export interface CrowdConfig {
  wsUrl: string
  /** Set for our app: each person fetches a token from `${appUrl}/api/maps/<id>/token` first, as the editor does. */
  appUrl?: string
  mapId: string
  people: CrowdPerson[]
  /** Everyone in the room, across all client processes. */
  total: number
  /** Cursor move interval (the editor's CURSOR_INTERVAL_MS); null: no cursors. */
  cursorIntervalMs: number | null
  /** Indices of the people who edit, how many edits each, and the gap between two. */
  edits: { editors: number[]; count: number; gapMs: [number, number] } | null
  /** After the last edit is sent, how long to wait for missing receipts. */
  drainMs: number
}

export interface CrowdResult {
  connectMs: number
  /** Receipt minus send time of every cursor state seen from someone else, ms. */
  presence: number[]
  movesSent: number
  /** Receipt minus send time of every edit seen from someone else, ms. */
  edits: number[]
  expectedEditReceipts: number
  duplicateEdits: number
  /** Epoch ms of the first edit sent and of the last edit received (NaN without edits). */
  firstEditAt: number
  lastEditReceiptAt: number
  closes: number[]
  disconnects: number
  /** What these clients received from and sent to the server during the window. */
  framesIn: number
  bytesIn: number
  framesOut: number
  bytesOut: number
}

const epoch = () => performance.timeOrigin + performance.now()
/**
 * Latencies are kept to 0.01 ms: at 0.1 ms a p50 of 1.3 ms could only move in steps of 8 %, coarser than
 * the 10 % a ratio is judged by.
 */
const toHundredths = (ms: number) => Math.round(ms * 100) / 100
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

async function main(): Promise<void> {
  const config = JSON.parse(process.env.CROWD_CONFIG ?? '{}') as CrowdConfig
  const counting = { on: false, framesIn: 0, bytesIn: 0, framesOut: 0, bytesOut: 0 }
  const window = { start: Infinity, end: Infinity }
  const inWindow = (t: number) => t >= window.start && t <= window.end
  const result: CrowdResult = {
    connectMs: 0,
    presence: [],
    movesSent: 0,
    edits: [],
    expectedEditReceipts: 0,
    duplicateEdits: 0,
    firstEditAt: Number.NaN,
    lastEditReceiptAt: Number.NaN,
    closes: [],
    disconnects: 0,
    framesIn: 0,
    bytesIn: 0,
    framesOut: 0,
    bytesOut: 0,
  }
  process.setMaxListeners(config.people.length + 20)
  const t0 = performance.now()
  const clients = await Promise.all(config.people.map((p) => connectStockClient({ ...config, person: p, counting })))
  result.connectMs = performance.now() - t0

  for (const c of clients) {
    c.provider.on('connection-close', (e: { code: number } | null) => {
      if (e) result.closes.push(e.code)
    })
    c.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') result.disconnects++
    })
    const last = new Map<number, number>()
    c.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      const now = epoch()
      for (const id of [...added, ...updated]) {
        if (id === c.doc.clientID) continue
        const t = (c.provider.awareness.getStates().get(id) as { t?: number } | undefined)?.t
        if (typeof t !== 'number' || t <= (last.get(id) ?? 0)) continue
        last.set(id, t)
        if (inWindow(t)) result.presence.push(toHundredths(now - t))
      }
    })
    const seen = new Set<string>()
    observeProbes(c.doc, (key, sentAt) => {
      const now = epoch()
      if (key.startsWith(`${c.index}-`)) return
      if (seen.has(key)) result.duplicateEdits++
      else {
        seen.add(key)
        result.edits.push(toHundredths(now - sentAt))
        result.lastEditReceiptAt = now
      }
    })
  }
  const editors = new Set(config.edits?.editors ?? [])
  const editCount = config.edits?.count ?? 0
  for (const c of clients) result.expectedEditReceipts += (editors.size - (editors.has(c.index) ? 1 : 0)) * editCount

  process.stdout.write(`${JSON.stringify({ type: 'ready' })}\n`)
  const lines = readline.createInterface({ input: process.stdin })
  const go = await new Promise<string>((resolve) => lines.once('line', resolve))
  const [, start, end] = go.split(' ').map(Number)
  window.start = start!
  window.end = end!

  const interval = config.cursorIntervalMs
  const intervals: Array<ReturnType<typeof setInterval>> = []
  const move = (c: Connected) => {
    let n = 0
    return () => {
      const t = epoch()
      // One state change per move, as usePresence makes: cursor and send time together.
      const state = c.provider.awareness.getLocalState() ?? {}
      c.provider.awareness.setLocalState({ ...state, cursor: { x: c.index * 10 + (n % 7), y: n++ }, t })
      if (inWindow(t)) result.movesSent++
    }
  }
  // Spread the clients over the interval: real people's mice are not in step.
  const delays =
    interval === null
      ? []
      : clients.map((c, i) =>
          setTimeout(() => intervals.push(setInterval(move(c), interval)), (i * interval) / clients.length),
        )

  await sleep(Math.max(0, window.start - epoch()))
  counting.on = true
  const editing = clients
    .filter((c) => editors.has(c.index))
    .map(async (c) => {
      const [min, max] = config.edits!.gapMs
      let due = epoch() + Math.random() * max
      for (let n = 0; n < editCount; n++) {
        await sleep(Math.max(0, due - epoch()))
        const t = epoch()
        if (Number.isNaN(result.firstEditAt)) result.firstEditAt = t
        sendProbe(c.doc, probeKey(c.index, n), t)
        due += min + Math.random() * (max - min)
      }
    })
  await Promise.all(editing)
  const cursorsUntil = config.cursorIntervalMs === null ? 0 : window.end
  await sleep(Math.max(0, cursorsUntil - epoch()))
  counting.on = false
  for (const t of delays) clearTimeout(t)
  for (const t of intervals) clearInterval(t)
  const drainBy = epoch() + config.drainMs
  while (result.edits.length < result.expectedEditReceipts && epoch() < drainBy) await sleep(20)
  // Give the last cursor states their chance to land before reporting.
  if (config.cursorIntervalMs !== null) await sleep(1200)
  Object.assign(result, {
    framesIn: counting.framesIn,
    bytesIn: counting.bytesIn,
    framesOut: counting.framesOut,
    bytesOut: counting.bytesOut,
  })
  process.stdout.write(`${JSON.stringify({ type: 'result', result })}\n`)
  await new Promise<void>((resolve) => {
    lines.once('close', resolve)
    process.stdin.once('end', resolve)
  })
  for (const c of clients) c.provider.destroy()
  process.exit(0)
}

main().catch((err) => {
  console.error('[crowd]', err)
  process.exit(1)
})
