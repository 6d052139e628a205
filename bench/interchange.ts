/**
 * Interchange benchmark: `parseAif` of AIF files with 5,000 and 70,000
 * nodes against `JSON.parse` of the same text, side by side in one run (the
 * least any AIF import must do). The target is a ratio of at most 5.
 * Files are shaped like AIFdb / OVA3 corpora: every proposition said by a
 * participant (L, YA, I), a transition between consecutive locutions (TA),
 * and an RA or CA node joining propositions, some linked, some undercuts.
 *
 *   npx tsx bench/interchange.ts           (add --http to also time a 5 MB import over HTTP)
 */
import os from 'node:os'
import { parseAif } from '@/core/convert/aif'
import { isMain, markdownTable, measure, seededRandom } from './lib/report'

export const AIF_SIZES = [5_000, 70_000] as const

/** A foreign (no `crux` properties) AIF file of about `total` nodes, as text. */
export function aifCorpusText(total: number, seed = 11): string {
  const rnd = seededRandom(seed)
  const people = ['Ana Ruiz', 'Ben Hart', 'Cara Lowe', 'Dev Patel', 'Eli Moss']
  const forces = ['Asserting', 'Asserting', 'Asserting', 'Pure Questioning', 'Popular Conceding']
  const nodes: object[] = []
  const edges: object[] = []
  const locutions: object[] = []
  let next = 1
  const id = () => String(next++)
  const link = (fromID: string, toID: string) => edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null })
  const props: string[] = []
  const schemeNodes: string[] = []
  let previousL: string | undefined
  // About 5.3 nodes per proposition: I, L, YA, TA, one RA/CA with its YA half the time.
  while (next < total - 6) {
    const i = id()
    const l = id()
    const ya = id()
    const who = Math.floor(rnd() * people.length)
    const words = `statement ${i} on the ${['tax', 'ban', 'levy', 'grant'][i.length % 4]}, with a ratio of 3 : 1 and "quotes"`
    nodes.push({ nodeID: i, text: words, type: 'I', timestamp: '2019-03-01 10:00:00' })
    nodes.push({ nodeID: l, text: `${people[who]} : ${words}`, type: 'L', timestamp: '2019-03-01 10:00:00' })
    const force = forces[Math.floor(rnd() * forces.length)]!
    nodes.push({ nodeID: ya, text: force, type: 'YA', timestamp: '2019-03-01 10:00:00', scheme: force.replace(' ', ''), schemeID: '74' })
    link(l, ya)
    link(ya, i)
    locutions.push({ nodeID: l, personID: String(who + 1), timestamp: '2019-03-01 10:00:00', start: null, end: null, source: null })
    if (previousL) {
      const ta = id()
      nodes.push({ nodeID: ta, text: 'Default Transition', type: 'TA', timestamp: '2019-03-01 10:00:00' })
      link(previousL, ta)
      link(ta, l)
    }
    previousL = l
    if (props.length > 0 && rnd() < 0.8) {
      const s = id()
      const undercut = schemeNodes.length > 0 && rnd() < 0.1
      const conflict = undercut || rnd() < 0.35
      nodes.push({ nodeID: s, text: conflict ? 'Default Conflict' : 'Argument From Expert Opinion', type: conflict ? 'CA' : 'RA', timestamp: '2019-03-01 10:00:00' })
      link(i, s)
      if (!conflict && rnd() < 0.2 && props.length > 1) link(props[Math.floor(rnd() * props.length)]!, s)
      link(s, undercut ? schemeNodes[Math.floor(rnd() * schemeNodes.length)]! : props[Math.floor(rnd() * props.length)]!)
      if (!conflict) schemeNodes.push(s)
    }
    props.push(i)
  }
  const participants = people.map((p, k) => ({ participantID: String(k + 1), firstname: p.split(' ')[0], surname: p.split(' ')[1] }))
  return JSON.stringify({ nodes, edges, locutions, participants }, null, 1)
}

export interface ParseRow {
  nodes: number
  megabytes: number
  jsonParseMs: number
  parseAifMs: number
  ratio: number
}

export function measureParse(total: number): ParseRow {
  const text = aifCorpusText(total)
  const check = parseAif(text)
  if (!check.ok) throw new Error(`bench file does not import: ${JSON.stringify(check.errors.slice(0, 3))}`)
  const runs = total > 10_000 ? 5 : 15
  const json = measure(() => JSON.parse(text), { runs, warmup: 2 })
  const aif = measure(() => parseAif(text), { runs, warmup: 2 })
  const nodes = (JSON.parse(text) as { nodes: unknown[] }).nodes.length
  return { nodes, megabytes: text.length / 1e6, jsonParseMs: json.cpuMs, parseAifMs: aif.cpuMs, ratio: aif.cpuMs / json.cpuMs }
}

export async function main(): Promise<void> {
  const rows: ParseRow[] = []
  for (const n of AIF_SIZES) rows.push(measureParse(n))
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log(
    markdownTable(
      ['AIF nodes', 'MB', 'JSON.parse ms (CPU)', 'parseAif ms (CPU)', 'ratio (target ≤ 5)'],
      rows.map((r) => [r.nodes, r.megabytes.toFixed(2), r.jsonParseMs.toFixed(1), r.parseAifMs.toFixed(1), r.ratio.toFixed(2)]),
    ),
  )
  // Over HTTP the app must be built and started; `npm run bench` does that for every run, a lone run asks for it.
  if (process.argv.includes('--http') || !isMain(import.meta.url)) {
    const { measureHttpImport } = await import('./interchange/httpImport')
    await measureHttpImport()
  }
}

if (isMain(import.meta.url)) await main()
