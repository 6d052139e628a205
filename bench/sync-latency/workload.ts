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
