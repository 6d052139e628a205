/**
 * Interchange benchmark: `parseAif` of AIF files with 5,000 and 70,000
 * nodes against `JSON.parse` of the same text, side by side in one run (the
 * least any AIF import must do). The target is a ratio of at most 5.
 * Files are shaped like AIFdb / OVA3 corpora: every proposition said by a
 * participant (L, YA, I), a transition between consecutive locutions (TA),
 * and an RA or CA node joining propositions, some linked, some undercuts.
 * Run it under `flock /tmp/crux-heavy.lock` on a shared machine.
 *
 *   npx tsx bench/interchange.ts           (add --http to also time a 5 MB import over HTTP)
 */
import os from 'node:os'
import { parseAif } from '@/core/convert/aif'
import { aifCorpusText } from './interchange/corpus'
import { isMain, markdownTable, median } from './lib/report'

export const AIF_SIZES = [5_000, 70_000] as const

/** Interleaved rounds per size: many at 5,000 nodes, where one run takes a few ms and a hiccup is a large share. */
const ROUNDS: Record<number, number> = { 5_000: 201, 70_000: 31 }

export interface ParseRow {
  nodes: number
  megabytes: number
  rounds: number
  jsonParseMs: number
  parseAifMs: number
  /** Median over rounds of parseAif / JSON.parse, each round timing both back to back. */
  ratio: number
  /** 10th and 90th percentile of the per-round ratio. */
  ratioP10: number
  ratioP90: number
  /** The same ratio from wall-clock times, as a cross-check on CPU time. */
  wallRatio: number
}

/**
 * [AF7] Each round times JSON.parse and parseAif of the same text back to
 * back, in alternating order, and takes their ratio: load from other jobs
 * then slows both sides of one ratio alike, instead of one whole series.
 * The result is the median ratio with its 10th–90th percentile spread.
 */
export function measureParse(total: number, rounds = ROUNDS[total] ?? 31): ParseRow {
  const text = aifCorpusText(total)
  const check = parseAif(text)
  if (!check.ok) throw new Error(`bench file does not import: ${JSON.stringify(check.errors.slice(0, 3))}`)
  for (let i = 0; i < 3; i++) {
    JSON.parse(text)
    parseAif(text)
  }
  const cpu = { json: [] as number[], aif: [] as number[] }
  const wall = { json: [] as number[], aif: [] as number[] }
  const ratios: number[] = []
  const wallRatios: number[] = []
  const time = (fn: () => unknown) => {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    const t = performance.now() - t0
    const c = process.cpuUsage(c0)
    return { cpu: (c.user + c.system) / 1000, wall: t }
  }
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0
    const a = first ? time(() => JSON.parse(text)) : undefined
    const b = time(() => parseAif(text))
    const j = a ?? time(() => JSON.parse(text))
    cpu.json.push(j.cpu)
    cpu.aif.push(b.cpu)
    wall.json.push(j.wall)
    wall.aif.push(b.wall)
    // CPU time has a resolution of a few µs; a zero would make the ratio meaningless.
    if (j.cpu > 0) ratios.push(b.cpu / j.cpu)
    wallRatios.push(b.wall / j.wall)
  }
  const nodes = (JSON.parse(text) as { nodes: unknown[] }).nodes.length
  return {
    nodes,
    megabytes: text.length / 1e6,
    rounds,
    jsonParseMs: median(cpu.json),
    parseAifMs: median(cpu.aif),
    ratio: median(ratios),
    ratioP10: percentile(ratios, 0.1),
    ratioP90: percentile(ratios, 0.9),
    wallRatio: median(wallRatios),
  }
}

function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

export async function main(): Promise<void> {
  const before = loadAverage()
  const rows: ParseRow[] = []
  for (const n of AIF_SIZES) rows.push(measureParse(n))
  console.log(`load average (1, 5, 15 min) before ${before}, after ${loadAverage()}`)
  console.log(
    markdownTable(
      [
        'AIF nodes',
        'MB',
        'rounds',
        'JSON.parse ms (CPU)',
        'parseAif ms (CPU)',
        'ratio, median (target ≤ 5)',
        'ratio p10–p90',
        'wall-clock ratio',
      ],
      rows.map((r) => [
        r.nodes,
        r.megabytes.toFixed(2),
        r.rounds,
        r.jsonParseMs.toFixed(1),
        r.parseAifMs.toFixed(1),
        r.ratio.toFixed(2),
        `${r.ratioP10.toFixed(2)}–${r.ratioP90.toFixed(2)}`,
        r.wallRatio.toFixed(2),
      ]),
    ),
  )
  // Over HTTP the app must be built and started; `npm run bench` does that for every run, a lone run asks for it.
  if (process.argv.includes('--http') || !isMain(import.meta.url)) {
    const { measureHttpImport } = await import('./interchange/httpImport')
    await measureHttpImport()
  }
}

if (isMain(import.meta.url)) await main()
