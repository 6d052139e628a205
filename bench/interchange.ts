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
import { aifCorpusText } from './interchange/corpus'
import { isMain, markdownTable, measure } from './lib/report'

export const AIF_SIZES = [5_000, 70_000] as const

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
  return {
    nodes,
    megabytes: text.length / 1e6,
    jsonParseMs: json.cpuMs,
    parseAifMs: aif.cpuMs,
    ratio: aif.cpuMs / json.cpuMs,
  }
}

export async function main(): Promise<void> {
  const rows: ParseRow[] = []
  for (const n of AIF_SIZES) rows.push(measureParse(n))
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    markdownTable(
      ['AIF nodes', 'MB', 'JSON.parse ms (CPU)', 'parseAif ms (CPU)', 'ratio (target ≤ 5)'],
      rows.map((r) => [
        r.nodes,
        r.megabytes.toFixed(2),
        r.jsonParseMs.toFixed(1),
        r.parseAifMs.toFixed(1),
        r.ratio.toFixed(2),
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
