import type { Vote } from '@/core/graph'
import { EVERYONE, MAX_VOTE, type Perspective } from './votes'

/**
 * What the editor shows around votes: one node's tally, and the perspectives
 * a person can pick [VP3]. Pure, so the menu and the numbers are tested here
 * rather than through the browser.
 */

export interface VoteSummary {
  /** Votes on the node, from everyone (a perspective changes strength, not the tally). */
  count: number
  /** Mean of those votes on the 0–4 scale, or null without any. */
  mean: number | null
  /** This person's own vote, or null if they have not voted. */
  mine: number | null
}

export function voteSummary(votes: readonly Vote[], nodeId: string, userId: string | null): VoteSummary {
  let count = 0
  let sum = 0
  let mine: number | null = null
  for (const v of votes) {
    if (v.nodeId !== nodeId) continue
    count++
    // Clamped like baseScores [VP2], so the mean shown matches the base used.
    sum += Math.min(MAX_VOTE, Math.max(0, v.value))
    if (userId !== null && v.userId === userId) mine = v.value
  }
  return { count, mean: count ? sum / count : null, mine }
}

export interface PerspectiveOption {
  /** Stable string for a <select> value; see perspectiveKey. */
  key: string
  label: string
  perspective: Perspective
}

/**
 * Everyone, only mine, then every group that appears in the votes plus the
 * person's own group (so a team can pick itself before anyone has voted),
 * sorted by name. "Only mine" needs an identity, so it is left out without one.
 */
export function perspectiveOptions(
  votes: readonly Vote[],
  userId: string | null,
  ownGroup: string | null,
): PerspectiveOption[] {
  const groups = new Set<string>()
  for (const v of votes) if (v.group) groups.add(v.group)
  if (ownGroup) groups.add(ownGroup)
  const options: PerspectiveOption[] = [{ key: perspectiveKey(EVERYONE), label: 'Everyone', perspective: EVERYONE }]
  if (userId !== null) {
    const mine: Perspective = { kind: 'user', userId }
    options.push({ key: perspectiveKey(mine), label: 'Only mine', perspective: mine })
  }
  for (const group of [...groups].sort((a, b) => a.localeCompare(b))) {
    const p: Perspective = { kind: 'group', group }
    options.push({ key: perspectiveKey(p), label: `Group: ${group}`, perspective: p })
  }
  return options
}

/** Distinct for distinct perspectives: group names may contain any character, so kinds are prefixed. */
export function perspectiveKey(p: Perspective): string {
  switch (p.kind) {
    case 'all':
      return 'all'
    case 'user':
      return `user:${p.userId}`
    case 'group':
      return `group:${p.group}`
  }
}

/** The option for a key, falling back to Everyone when it no longer exists (e.g. after sign-out). */
export function choosePerspective(options: readonly PerspectiveOption[], key: string): PerspectiveOption {
  return options.find((o) => o.key === key) ?? options[0]!
}
