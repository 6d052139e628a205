/**
 * [DD1] How close two pieces of debate text are, for catching a duplicate
 * while a student types. Pure and local: no network, no model, no word
 * lists beyond a short stop list, so it runs on every keystroke in the
 * browser. The score mixes three cheap signals, each covering the others'
 * blind spots:
 *   - Dice overlap of content-word stems (shared vocabulary);
 *   - containment (a short restatement of a longer quote scores high);
 *   - character trigram cosine (morphology and spelling: "manoeuvre"/"maneuver").
 * Debate text is full of near-copies with opposite meaning ("should join" vs
 * "should not join"), so a difference in negation halves the score ([DD2]).
 */

const STOP = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as into about over after before than that this these those ' +
    'is are was were be been being am do does did has have had having it its it’s itself they them their he him his she her ' +
    'we us our you your i me my which who whom whose what when where why how there here also just very much more most some ' +
    'any all each both such own same other can could would should will shall may might must article says said according'
  ).split(' '),
)
/** Words that flip a statement; "n't" arrives split off by the tokenizer. */
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'none',
  'nobody',
  'nothing',
  'neither',
  'without',
  'cannot',
  'nt',
])

/** Lower case, accents off, curly quotes and dashes plain, everything else that is not a letter or digit a space. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/n't\b/g, ' nt')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A light suffix stripper: enough to meet "cooperating"/"cooperation"/"cooperate", not a full Porter stemmer. */
export function stem(word: string): string {
  let w = word
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1)
  for (const suffix of [
    'ational',
    'ation',
    'ating',
    'ated',
    'ate',
    'ition',
    'ments',
    'ment',
    'ness',
    'ingly',
    'ing',
    'ised',
    'ized',
    'ise',
    'ize',
    'edly',
    'ed',
    'ly',
    'ity',
    'ive',
    'al',
    'er',
    'e',
  ]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length)
  }
  return w
}

export interface TextProfile {
  readonly stems: ReadonlySet<string>
  readonly trigrams: ReadonlyMap<string, number>
  readonly trigramNorm: number
  /** Odd when the text negates itself an odd number of times. */
  readonly negated: boolean
}

/** Everything `similarity` needs of one text, computed once per node rather than once per pair. */
export function profile(text: string): TextProfile {
  const words = normalize(text).split(' ').filter(Boolean)
  const content = words.filter((w) => !STOP.has(w) && !NEGATIONS.has(w))
  const stems = new Set(content.map(stem))
  const trigrams = new Map<string, number>()
  const joined = ` ${content.join(' ')} `
  for (let i = 0; i + 3 <= joined.length; i++) {
    const g = joined.slice(i, i + 3)
    trigrams.set(g, (trigrams.get(g) ?? 0) + 1)
  }
  let sq = 0
  for (const n of trigrams.values()) sq += n * n
  const negations = words.filter((w) => NEGATIONS.has(w)).length
  return { stems, trigrams, trigramNorm: Math.sqrt(sq), negated: negations % 2 === 1 }
}

/** [DD1] 0 (nothing shared) to 1 (the same words); symmetric. */
export function similarity(a: TextProfile, b: TextProfile): number {
  if (a.stems.size === 0 || b.stems.size === 0) return 0
  let shared = 0
  for (const s of a.stems) if (b.stems.has(s)) shared++
  const dice = (2 * shared) / (a.stems.size + b.stems.size)
  // A two-word text inside a long one says little: containment counts only from three shared stems.
  const containment = shared >= 3 ? shared / Math.min(a.stems.size, b.stems.size) : dice
  let dot = 0
  const [small, large] = a.trigrams.size <= b.trigrams.size ? [a, b] : [b, a]
  for (const [g, n] of small.trigrams) dot += n * (large.trigrams.get(g) ?? 0)
  const cosine = a.trigramNorm && b.trigramNorm ? dot / (a.trigramNorm * b.trigramNorm) : 0
  const score = 0.35 * dice + 0.3 * containment + 0.35 * cosine
  // [DD2] "X" and "not X" (or "possible" and "impossible") share every word and mean the opposite.
  const flipped = (a.negated !== b.negated) !== (affixNegations(a, b) % 2 === 1)
  return flipped ? score * 0.3 : score
}

const NEGATING_PREFIXES = ['un', 'im', 'in', 'ir', 'il', 'dis', 'non']

/** Stems one text negates by a prefix where the other has the bare stem: "unverified" against "verified". */
function affixNegations(a: TextProfile, b: TextProfile): number {
  let n = 0
  const count = (x: TextProfile, y: TextProfile) => {
    for (const s of x.stems) {
      if (y.stems.has(s)) continue
      const prefix = NEGATING_PREFIXES.find((p) => s.startsWith(p) && y.stems.has(s.slice(p.length)))
      if (prefix) n++
    }
  }
  count(a, b)
  count(b, a)
  return n
}

export const textSimilarity = (a: string, b: string) => similarity(profile(a), profile(b))
