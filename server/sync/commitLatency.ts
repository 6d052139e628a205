/**
 * [DU9] How long edits wait to be committed: for every successful append, the
 * time from the arrival of its oldest edit until the store took it (so each
 * figure is the worst wait in its batch). Kept as cumulative counts per
 * bucket, like a Prometheus histogram, so a reader can take two readings and
 * subtract them to get any window; `/readyz` reports it.
 */
export const COMMIT_BUCKETS_MS = [10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500] as const

export interface CommitHistogram {
  /** Upper bounds (ms) of the buckets; `counts` has one more entry, for waits above the last bound. */
  bucketsMs: readonly number[]
  counts: number[]
  total: number
}

export function createCommitLatency() {
  const counts = new Array<number>(COMMIT_BUCKETS_MS.length + 1).fill(0)
  let total = 0
  return {
    record(waitedMs: number): void {
      const i = COMMIT_BUCKETS_MS.findIndex((bound) => waitedMs <= bound)
      counts[i === -1 ? COMMIT_BUCKETS_MS.length : i]!++
      total++
    },
    histogram(): CommitHistogram {
      return { bucketsMs: COMMIT_BUCKETS_MS, counts: [...counts], total }
    },
  }
}

export type CommitLatency = ReturnType<typeof createCommitLatency>

/** The smallest bucket bound at or below which a share `q` of the waits between two readings fell (Infinity: above the last). */
export function quantileBound(before: CommitHistogram, after: CommitHistogram, q: number): number {
  const counts = after.counts.map((n, i) => n - (before.counts[i] ?? 0))
  const total = counts.reduce((a, b) => a + b, 0)
  let seen = 0
  for (const [i, n] of counts.entries()) {
    seen += n
    if (seen >= q * total) return after.bucketsMs[i] ?? Infinity
  }
  return Infinity
}
