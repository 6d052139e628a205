// The duplicate detector's labelled set and its precision and recall
// (docs/duplicates.md). `npx tsx scripts/duplicates/evaluate.ts` rebuilds the
// set into docs/duplicates-set.json and prints the figures;
// tests/core/duplicates/evaluation.test.ts checks that both docs files match
// what this computes, so the figures cannot drift from the code.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { loadSeedMaps } from '../../content'
import { DUPLICATE_THRESHOLD, textSimilarity } from '../../core/duplicates'
import type { ArgNode } from '../../core/graph'
import { HAND_PAIRS } from './handPairs'

export interface LabelledPair {
  a: string
  b: string
  duplicate: boolean
  /** Where the pair came from: a seed node and its quote, a hard negative between seed nodes, or a hand-written pair. */
  kind: 'seed-paraphrase' | 'seed-near-miss' | 'hand'
  from: string
  split: 'dev' | 'test'
}

const root = path.resolve(import.meta.dirname, '../..')
export const SET_FILE = path.join(root, 'docs/duplicates-set.json')

/** "The article: …", "Sannikov: …", "Survey, citing …: …": the map author's attribution, not the claim. */
function withoutAttribution(text: string): string {
  const colon = text.indexOf(': ')
  return colon > 0 && colon < 60 ? text.slice(colon + 2) : text
}

const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
function overlap(a: string, b: string): number {
  const x = words(a)
  const y = words(b)
  let n = 0
  for (const w of x) if (y.has(w)) n++
  return n / Math.max(1, Math.min(x.size, y.size))
}

const splitOf = (a: string, b: string): 'dev' | 'test' =>
  createHash('sha256').update(`${a}\u0000${b}`).digest()[0]! % 2 === 0 ? 'dev' : 'test'

/**
 * The set: (1) every seed node with a quote, its text (the map author's
 * paraphrase, attribution removed) against the quote: duplicates; (2) for each
 * of those nodes, the seed node quoting a different, non-overlapping passage
 * that shares the most words with it: hard near misses, chosen by plain word
 * overlap so the detector does not pick its own test; (3) the hand-labelled
 * pairs of scripts/duplicates/handPairs.ts.
 */
export async function buildSet(): Promise<LabelledPair[]> {
  const quoted = new Map<string, ArgNode>()
  for (const seed of await loadSeedMaps())
    for (const n of seed.map.nodes) if (n.quote && n.quoteStart !== undefined) quoted.set(n.id, n)
  const nodes = [...quoted.values()].sort((x, y) => x.quoteStart! - y.quoteStart!)
  const out: LabelledPair[] = []
  const push = (p: Omit<LabelledPair, 'split'>) => {
    if (!out.some((q) => (q.a === p.a && q.b === p.b) || (q.a === p.b && q.b === p.a)))
      out.push({ ...p, split: splitOf(p.a, p.b) })
  }
  for (const n of nodes)
    push({
      a: withoutAttribution(n.text),
      b: n.quote!,
      duplicate: true,
      kind: 'seed-paraphrase',
      from: `seed node ${n.id}`,
    })
  for (const n of nodes) {
    const apart = nodes.filter((m) => m.id !== n.id && (m.quoteEnd! <= n.quoteStart! || m.quoteStart! >= n.quoteEnd!))
    const nearest = apart
      .map((m) => ({ m, o: overlap(n.text, m.text) }))
      .sort((x, y) => y.o - x.o || (x.m.id < y.m.id ? -1 : 1))[0]
    if (nearest)
      push({
        a: withoutAttribution(n.text),
        b: withoutAttribution(nearest.m.text),
        duplicate: false,
        kind: 'seed-near-miss',
        from: `seed nodes ${n.id} / ${nearest.m.id}`,
      })
  }
  for (const h of HAND_PAIRS) push({ ...h, kind: 'hand' })
  return out
}

export interface Figures {
  pairs: number
  duplicates: number
  precision: number
  recall: number
  f1: number
}

export function measure(set: readonly LabelledPair[], threshold: number): Figures {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const p of set) {
    const flagged = textSimilarity(p.a, p.b) >= threshold
    if (flagged && p.duplicate) tp++
    else if (flagged) fp++
    else if (p.duplicate) fn++
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { pairs: set.length, duplicates: set.filter((p) => p.duplicate).length, precision, recall, f1 }
}

/** The threshold (on a 0.05 grid) with the best F1 on the development half; ties go to the higher, more precise one. */
export function bestDevThreshold(set: readonly LabelledPair[]): number {
  const dev = set.filter((p) => p.split === 'dev')
  let best = { t: 0, f1: -1 }
  for (let i = 20; i <= 80; i += 5) {
    const f1 = measure(dev, i / 100).f1
    if (f1 >= best.f1) best = { t: i / 100, f1 }
  }
  return best.t
}

export function report(set: readonly LabelledPair[], threshold = DUPLICATE_THRESHOLD) {
  return {
    threshold,
    dev: measure(
      set.filter((p) => p.split === 'dev'),
      threshold,
    ),
    test: measure(
      set.filter((p) => p.split === 'test'),
      threshold,
    ),
    all: measure(set, threshold),
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
export function figuresTable(r: ReturnType<typeof report>): string {
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.pairs} | ${f.duplicates} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} |`
  return [
    '| half | pairs | duplicates | precision | recall | F1 |',
    '| --- | --- | --- | --- | --- | --- |',
    row('dev (threshold chosen here)', r.dev),
    row('test (held out)', r.test),
    row('all', r.all),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = await buildSet()
  fs.writeFileSync(SET_FILE, `${JSON.stringify(set, null, 1)}\n`)
  console.log(`wrote ${path.relative(root, SET_FILE)}: ${set.length} pairs`)
  console.log(`best threshold on dev: ${bestDevThreshold(set)} (in use: ${DUPLICATE_THRESHOLD})`)
  console.log(figuresTable(report(set)))
  for (const p of set) {
    const s = textSimilarity(p.a, p.b)
    if (s >= DUPLICATE_THRESHOLD !== p.duplicate)
      console.log(
        `  ${p.duplicate ? 'missed' : 'false alarm'} ${s.toFixed(2)} [${p.split}] ${p.a.slice(0, 70)} | ${p.b.slice(0, 70)}`,
      )
  }
}
