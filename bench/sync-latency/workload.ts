import type * as Y from 'yjs'
import { addNode, localOrigin, nodesOf } from '@/core/ydoc'

/**
 * A probe edit is a real edit: a claim added through `addNode`, keyed by its
 * sender and number, its send time (epoch ms) as its x. Our server's update
 * guard [PA2] refuses writes outside the map's layout, so probes live in the
 * map's own `nodes`; both servers relay the same bytes.
 */
const PROBE_ORIGIN = localOrigin()

export function sendProbe(doc: Y.Doc, key: string, sentAt: number): void {
  addNode(doc, { id: key, kind: 'claim', text: 'probe', x: sentAt, y: 0, pinned: false }, PROBE_ORIGIN)
}

/** The send time of a probe the doc holds, if it holds it. */
export function probeSentAt(doc: Y.Doc, key: string): number | undefined {
  const x = (nodesOf(doc).get(key) as Y.Map<unknown> | undefined)?.get?.('x')
  return typeof x === 'number' ? x : undefined
}

/** Calls `seen` for every probe key a transaction added or changed, with its send time. */
export function observeProbes(doc: Y.Doc, seen: (key: string, sentAt: number) => void): void {
  const nodes = nodesOf(doc)
  nodes.observe((event) => {
    for (const key of event.keysChanged) {
      const sentAt = probeSentAt(doc, key)
      if (sentAt !== undefined) seen(key, sentAt)
    }
  })
}

export interface Scenario {
  clients: number
  editsPerClient: number
  /** Each client waits a uniformly drawn gap in [min, max] ms between its edits. */
  gapMs: readonly [number, number]
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
