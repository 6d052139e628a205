import fs from 'node:fs'
import { ratios, type Summary } from './stats'

export interface KResult {
  clients: number
  editsPerClient: number
  gapMs: readonly [number, number]
  ours: Summary
  reference: Summary
  /** Probe keys found in the database after ours' runs, out of those sent. */
  persisted: { found: number; expected: number }
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const rate = (x: number) => x.toFixed(0)
const ratio = (x: number) => `${x.toFixed(2)}×`

/** The per-server numbers and the ours/reference ratios, as two markdown tables. */
export function resultTables(results: readonly KResult[]): string {
  const detail = [
    '| K | edits/client (gap ms) | server | receipts | p50 ms | p99 ms | receipts/s | edits/s |',
    '|--:|:--|:--|--:|--:|--:|--:|--:|',
  ]
  for (const r of results) {
    for (const [name, s] of [['ours', r.ours], ['reference', r.reference]] as const) {
      detail.push(
        `| ${r.clients} | ${r.editsPerClient} × ${s.rounds} rounds (${r.gapMs[0]}–${r.gapMs[1]}) | ${name} | ` +
          `${s.receipts}/${s.expectedReceipts} | ${ms(s.p50Ms)} | ${ms(s.p99Ms)} | ${rate(s.receiptsPerSec)} | ${rate(s.editsPerSec)} |`,
      )
    }
  }
  const summary = [
    '| K | p50 ours/ref | p99 ours/ref | throughput ours/ref | ours: edits in the database |',
    '|--:|--:|--:|--:|:--|',
  ]
  for (const r of results) {
    const q = ratios(r.ours, r.reference)
    const db = `${r.persisted.found}/${r.persisted.expected} ${r.persisted.found === r.persisted.expected ? 'ok' : 'MISSING'}`
    summary.push(`| ${r.clients} | ${ratio(q.p50)} | ${ratio(q.p99)} | ${ratio(q.throughput)} | ${db} |`)
  }
  return `${summary.join('\n')}\n\n${detail.join('\n')}\n`
}

export const SECTION_HEADING = '## Sync latency'

/**
 * Replaces one `## ` section of a markdown file (its heading through the line
 * before the next `## ` heading), appending it when absent. Other sections
 * keep their text; only the blank lines at the seams are normalised.
 */
export function replaceSection(markdown: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}`
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.trimEnd() === heading)
  const end = start === -1 ? -1 : lines.findIndex((l, i) => i > start && /^## /.test(l))
  const before = (start === -1 ? markdown : lines.slice(0, start).join('\n')).trimEnd()
  const after = start === -1 || end === -1 ? '' : lines.slice(end).join('\n').trimEnd()
  return `${[before, section, after].filter((part) => part !== '').join('\n\n')}\n`
}

export function writeSection(file: string, heading: string, body: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
  fs.writeFileSync(file, replaceSection(current, heading, body))
}
