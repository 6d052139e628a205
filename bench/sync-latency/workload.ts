import WebSocket from 'ws'
import * as prng from 'lib0/prng'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * The top-level Y.Map the probe edits go into. It sits beside the map schema
 * (meta/nodes/relations/votes) rather than in it, so both servers relay the
 * exact same bytes and readGraph never sees the probes.
 */
export const PROBE_MAP = 'syncBench'

export interface Scenario {
  clients: number
  editsPerClient: number
  /** Each client waits a uniformly drawn gap in [min, max] ms between its edits. */
  gapMs: readonly [number, number]
  seed: number
}

export interface RunResult {
  clients: number
  edits: number
  expectedReceipts: number
  /** One entry per (receiver, edit from someone else): receipt time minus send time, ms. */
  latencies: Float64Array
  /** Edits seen twice by the same client; the protocol should never do that. */
  duplicates: number
  /** From the first send to the last receipt, ms. */
  windowMs: number
}

export const probeKey = (client: number, n: number) => `${client}-${n}`

/**
 * Connects `clients` stock y-websocket clients to one room, has each send
 * `editsPerClient` paced edits, and records on every other client how long
 * each edit took to arrive. All timing uses this process's performance.now().
 * `beforeSending` runs once everyone is connected and settled; `whileConnected`
 * after delivery, before the clients leave (e.g. a check that the server
 * persisted everything while still live). Together they bracket the timed window.
 */
export async function runScenario(
  serverUrl: string,
  room: string,
  scenario: Scenario,
  options: {
    connectTimeoutMs?: number
    drainTimeoutMs?: number
    beforeSending?: () => Promise<void>
    whileConnected?: () => Promise<void>
  } = {},
): Promise<RunResult> {
  const { clients: k, editsPerClient: m } = scenario
  const expectedReceipts = k * m * (k - 1)
  const latencies = new Float64Array(expectedReceipts)
  let received = 0
  let duplicates = 0
  let lastReceipt = 0

  // Each y-websocket provider adds a process 'exit' listener; k of them are expected, not a leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), k + 10))
  const peers = Array.from({ length: k }, (_, i) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(serverUrl, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const probes = doc.getMap<number>(PROBE_MAP)
    const own = `${i}-`
    const seen = new Set<string>()
    probes.observe((event) => {
      const now = performance.now()
      for (const key of event.keysChanged) {
        if (key.startsWith(own)) continue
        const sentAt = probes.get(key)
        if (typeof sentAt !== 'number') continue
        if (seen.has(key)) {
          duplicates++
          continue
        }
        seen.add(key)
        if (received < expectedReceipts) latencies[received] = now - sentAt
        received++
        lastReceipt = now
      }
    })
    return { doc, provider, probes, seen }
  })

  try {
    await within(
      options.connectTimeoutMs ?? 30_000,
      `${k} clients syncing with ${serverUrl}`,
      Promise.all(peers.map(({ provider }) => synced(provider))),
    )
    // Let the join-time awareness broadcast (k x k messages) die down before timing anything.
    await sleep(200 + 5 * k)
    await options.beforeSending?.()

    const rng = prng.create(scenario.seed)
    const gap = () => scenario.gapMs[0] + prng.real53(rng) * (scenario.gapMs[1] - scenario.gapMs[0])
    const firstSend = performance.now()
    await Promise.all(
      peers.map(async ({ probes }, i) => {
        // A random first gap spreads the clients out instead of firing in lockstep.
        let due = performance.now() + prng.real53(rng) * scenario.gapMs[1]
        for (let n = 0; n < m; n++) {
          await sleep(Math.max(0, due - performance.now()))
          probes.set(probeKey(i, n), performance.now())
          due += gap()
        }
      }),
    )

    const drainBy = performance.now() + (options.drainTimeoutMs ?? 15_000)
    while (received < expectedReceipts && performance.now() < drainBy) await sleep(10)
    const windowMs = lastReceipt - firstSend
    await options.whileConnected?.()
    return {
      clients: k,
      edits: k * m,
      expectedReceipts,
      latencies: latencies.subarray(0, Math.min(received, expectedReceipts)),
      duplicates,
      windowMs,
    }
  } finally {
    for (const { provider, doc } of peers) {
      provider.destroy()
      doc.destroy()
    }
  }
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve())
  })
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
