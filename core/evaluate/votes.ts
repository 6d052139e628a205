import type { Vote } from '@/core/graph'

/** Whose votes count [VP3]. */
export type Perspective = { kind: 'all' } | { kind: 'user'; userId: string } | { kind: 'group'; group: string }

export const EVERYONE: Perspective = { kind: 'all' }

/** [VP1] The base score of a node nobody in the perspective rated. */
export const NEUTRAL_BASE = 0.5
/** Votes run 0..4, like Kialo's impact votes. */
export const MAX_VOTE = 4

export function countsIn(perspective: Perspective, vote: Vote): boolean {
  switch (perspective.kind) {
    case 'all':
      return true
    case 'user':
      return vote.userId === perspective.userId
    case 'group':
      return vote.group === perspective.group
  }
}

/**
 * [VP2] Base score of each node: the mean of the counted 0–4 votes scaled to
 * [0, 1], or NEUTRAL_BASE without votes. Votes on unknown nodes are ignored.
 * Out-of-range values (a doc written by a buggy client) are clamped so the
 * base stays a valid DF-QuAD score.
 */
export function baseScores(
  indexOf: ReadonlyMap<string, number>,
  nodeCount: number,
  votes: readonly Vote[],
  perspective: Perspective = EVERYONE,
): Float64Array {
  const sum = new Float64Array(nodeCount)
  const count = new Int32Array(nodeCount)
  for (const v of votes) {
    if (!countsIn(perspective, v)) continue
    const i = indexOf.get(v.nodeId)
    if (i === undefined || !Number.isFinite(v.value)) continue
    sum[i]! += Math.min(MAX_VOTE, Math.max(0, v.value)) / MAX_VOTE
    count[i]!++
  }
  const base = new Float64Array(nodeCount)
  for (let i = 0; i < nodeCount; i++) base[i] = count[i] ? sum[i]! / count[i]! : NEUTRAL_BASE
  return base
}
