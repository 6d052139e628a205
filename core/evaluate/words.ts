import type { Label } from './grounded'

/** A verdict in plain words, for screen readers and for readers who never met grounded semantics. */
export const VERDICT_WORDS: Record<Label, string> = {
  IN: 'accepted (IN)',
  OUT: 'defeated (OUT)',
  UNDEC: 'undecided (UNDEC)',
}
