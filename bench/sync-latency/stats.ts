import type { RunResult } from './workload'

/** What one server achieved at one K, pooled over its interleaved rounds. */
export interface Summary {
  rounds: number
  edits: number
  expectedReceipts: number
  receipts: number
  duplicates: number
  p50Ms: number
  p99Ms: number
  receiptsPerSec: number
  editsPerSec: number
}

/** Nearest-rank percentile of an ascending array: the smallest value with at least q of the data at or below it. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil(q * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

/**
 * Pools rounds rather than averaging per-round percentiles: a p99 of
 * p99s would overweight the short rounds. Throughput is total delivered over
 * total time spent, for the same reason.
 */
export function summarize(runs: readonly RunResult[]): Summary {
  const total = runs.reduce((n, r) => n + r.latencies.length, 0)
  const pooled = new Float64Array(total)
  let at = 0
  for (const r of runs) {
    pooled.set(r.latencies, at)
    at += r.latencies.length
  }
  pooled.sort()
  const seconds = runs.reduce((s, r) => s + r.windowMs, 0) / 1000
  const edits = runs.reduce((n, r) => n + r.edits, 0)
  return {
    rounds: runs.length,
    edits,
    expectedReceipts: runs.reduce((n, r) => n + r.expectedReceipts, 0),
    receipts: total,
    duplicates: runs.reduce((n, r) => n + r.duplicates, 0),
    p50Ms: percentile(pooled, 0.5),
    p99Ms: percentile(pooled, 0.99),
    receiptsPerSec: seconds > 0 ? total / seconds : Number.NaN,
    editsPerSec: seconds > 0 ? edits / seconds : Number.NaN,
  }
}

/** ours / reference for each measure: below 1 is better for latency, above 1 for throughput. */
export function ratios(ours: Summary, reference: Summary) {
  return {
    p50: ours.p50Ms / reference.p50Ms,
    p99: ours.p99Ms / reference.p99Ms,
    throughput: ours.receiptsPerSec / reference.receiptsPerSec,
  }
}
