/**
 * One client process of bench/rooms.ts: a share of the 1,500 people, each a
 * stock y-websocket provider in its own map (3 people per map, spread over
 * the processes). JSON lines on stdout, commands on stdin:
 *   → `loaded`               (modules loaded: the connect clock may start)
 *   ← `connect`              → `ready {connectMs}` once every person is synced
 *   ← `go <start> <end>`     edit until end (epoch ms), then wait for receipts
 *                            to stop arriving → `result {…}`
 * Leaves when stdin closes.
 */
import readline from 'node:readline'
import { connectStockClient, type Connected } from '../lib/stockClient'
import type { CrowdPerson } from '../lib/crowd'
import { observeProbes, sendProbe } from '../sync-latency/workload'

export interface RoomsSeat {
  mapId: string
  /** 0..2 within its map: probe keys start with it. */
  seat: number
  person: CrowdPerson
}

export interface RoomsClientConfig {
  wsUrl: string
  appUrl?: string
  seats: RoomsSeat[]
  /** Each person waits a uniform gap in [min, max] ms between two edits. */
  gapMs: [number, number]
  /** After `end`, leave once no receipt came for this long (or after `maxDrainMs`). */
  quietMs: number
  maxDrainMs: number
}

export interface RoomsClientResult {
  sent: number
  /** Receipt minus send time of every edit seen from someone else in the same map, ms. */
  latencies: number[]
  duplicates: number
  closes: number[]
}

const CONNECTS_IN_FLIGHT = 32

const epoch = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
const say = (msg: object) => process.stdout.write(`${JSON.stringify(msg)}\n`)

async function main(): Promise<void> {
  const config = JSON.parse(process.env.ROOMS_CONFIG ?? '{}') as RoomsClientConfig
  process.setMaxListeners(config.seats.length + 20)
  const lines = readline.createInterface({ input: process.stdin })
  const commands: string[] = []
  const waiters: Array<(line: string) => void> = []
  lines.on('line', (line) => (waiters.length > 0 ? waiters.shift()!(line) : commands.push(line)))
  lines.on('close', () => process.exit(0))
  const nextCommand = () =>
    new Promise<string>((resolve) => (commands.length > 0 ? resolve(commands.shift()!) : waiters.push(resolve)))

  say({ type: 'loaded' })
  await nextCommand()
  const t0 = performance.now()
  // At most CONNECTS_IN_FLIGHT people of this process connect at once (token fetch to synced), for both servers:
  // 1,500 connects in the same millisecond overflow the listen backlog, which no classroom does.
  const clients: Array<{ seat: RoomsSeat; client: Connected }> = []
  const queue = [...config.seats]
  await Promise.all(
    Array.from({ length: CONNECTS_IN_FLIGHT }, async () => {
      for (let seat = queue.shift(); seat; seat = queue.shift()) {
        const client = await connectStockClient({
          wsUrl: config.wsUrl,
          appUrl: config.appUrl,
          mapId: seat.mapId,
          person: seat.person,
          syncTimeoutMs: 300_000,
        })
        clients.push({ seat, client })
      }
    }),
  )
  say({ type: 'ready', connectMs: performance.now() - t0 })

  const result: RoomsClientResult = { sent: 0, latencies: [], duplicates: 0, closes: [] }
  let lastReceipt = 0
  for (const { seat, client } of clients) {
    client.provider.on('connection-close', (e: { code: number } | null) => e && result.closes.push(e.code))
    watchReceipts(
      client,
      seat.seat,
      (ms) => {
        result.latencies.push(ms)
        lastReceipt = epoch()
      },
      () => result.duplicates++,
    )
  }

  const [, start, end] = (await nextCommand()).split(' ').map(Number) as [string, number, number]
  const [min, max] = config.gapMs
  await Promise.all(
    clients.map(async ({ seat, client }) => {
      // A random phase: 1,500 people do not type in step.
      let due = start + Math.random() * max
      for (let n = 0; due < end; n++) {
        await sleep(Math.max(0, due - epoch()))
        sendProbe(client.doc, `${seat.seat}-${n}`, epoch())
        result.sent++
        due += min + Math.random() * (max - min)
      }
    }),
  )
  const drainBy = epoch() + config.maxDrainMs
  lastReceipt = Math.max(lastReceipt, epoch())
  while (epoch() - lastReceipt < config.quietMs && epoch() < drainBy) await sleep(100)
  say({ type: 'result', result })
  await new Promise<void>(() => {})
}

function watchReceipts(
  client: Connected,
  ownSeat: number,
  onReceipt: (ms: number) => void,
  onDuplicate: () => void,
): void {
  const seen = new Set<string>()
  observeProbes(client.doc, (key, sentAt) => {
    if (key.startsWith(`${ownSeat}-`)) return
    if (seen.has(key)) onDuplicate()
    else {
      seen.add(key)
      onReceipt(Math.round((epoch() - sentAt) * 10) / 10)
    }
  })
}

main().catch((err) => {
  console.error('[rooms client]', err)
  process.exit(1)
})
