import type { ArgNode } from '../graph'

/**
 * Whose words a node gives, by the conventions of content/README.md: a
 * verbatim quote of its speaker, a paraphrase of its speaker (marked as one),
 * or the map author's reconstruction (marked `analysis`), which is never
 * shown under a speaker's name.
 */
export type Voice =
  { kind: 'quote'; speaker?: string } | { kind: 'paraphrase'; speaker?: string } | { kind: 'reconstruction' }

export function voiceOf(n: Pick<ArgNode, 'quote' | 'speaker' | 'analysis' | 'paraphrase'>): Voice | null {
  if (n.analysis) return { kind: 'reconstruction' }
  if (n.quote !== undefined && n.quote !== '') return { kind: 'quote', speaker: n.speaker }
  if (n.paraphrase) return { kind: 'paraphrase', speaker: n.speaker }
  return null
}

/** The short line shown with a node: "reconstruction", "paraphrasing Andrei Sannikov"; quotes show their own caption. */
export function voiceLabel(voice: Voice | null): string | null {
  if (!voice) return null
  if (voice.kind === 'reconstruction') return 'reconstruction'
  if (voice.kind === 'paraphrase') return voice.speaker ? `paraphrasing ${voice.speaker}` : 'paraphrase'
  return null
}
