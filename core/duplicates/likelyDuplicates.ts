import { profile, similarity, type TextProfile } from './similarity'

/**
 * [DD3] The score from which two texts are shown as a likely duplicate. Chosen
 * on the development half of the labelled set (docs/duplicates.md) and
 * measured on the other half; scripts/duplicates-eval.ts recomputes both.
 */
export const DUPLICATE_THRESHOLD = 0.4

/** Texts shorter than this many characters (a half-typed word) are not compared at all. */
export const MIN_DRAFT_CHARS = 12

export interface DuplicateMatch {
  id: string
  text: string
  score: number
}

/**
 * [DD3] The existing nodes a draft closely matches, best first: what the
 * editor shows under a node being typed, with a button to link to the
 * match instead. `exclude` is the node being typed itself.
 */
export function likelyDuplicates(
  draft: string,
  nodes: ReadonlyArray<{ id: string; text: string }>,
  opts: { exclude?: string; threshold?: number; limit?: number; profiles?: ReadonlyMap<string, TextProfile> } = {},
): DuplicateMatch[] {
  if (draft.trim().length < MIN_DRAFT_CHARS) return []
  const mine = profile(draft)
  const threshold = opts.threshold ?? DUPLICATE_THRESHOLD
  const out: DuplicateMatch[] = []
  for (const n of nodes) {
    if (n.id === opts.exclude || n.text.trim().length < MIN_DRAFT_CHARS) continue
    const score = similarity(mine, opts.profiles?.get(n.id) ?? profile(n.text))
    if (score >= threshold) out.push({ id: n.id, text: n.text, score })
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
  return out.slice(0, opts.limit ?? 3)
}

/** [DD4] Every pair of nodes on a map that look like duplicates of each other, for the dashboard. */
export function duplicatePairs(
  nodes: ReadonlyArray<{ id: string; text: string }>,
  threshold = DUPLICATE_THRESHOLD,
): Array<{ a: string; b: string; score: number }> {
  const usable = nodes
    .filter((n) => n.text.trim().length >= MIN_DRAFT_CHARS)
    .map((n) => ({ id: n.id, p: profile(n.text) }))
  const out: Array<{ a: string; b: string; score: number }> = []
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const score = similarity(usable[i]!.p, usable[j]!.p)
      if (score >= threshold) out.push({ a: usable[i]!.id, b: usable[j]!.id, score })
    }
  }
  return out.sort((x, y) => y.score - x.score)
}
