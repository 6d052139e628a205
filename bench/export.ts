/**
 * Export benchmark: the time to export one deterministic 2,000-node map to
 * each format, against `JSON.stringify` of the same map as the baseline (the
 * least any export must do). Import times are listed too, for the same files.
 *
 *   npx tsx bench/export.ts
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { ArgNode, ArgumentMap, Relation } from '@/core/graph'
import { parseAif, serializeAif } from '@/core/convert/aif'
import { parseCruxJson, serializeCruxJson } from '@/core/convert/json'
import { buildOutline } from '@/core/convert/outline'
import { serializeMarkdownOutline } from '@/core/convert/markdown'
import { isMain, markdownTable, seededRandom, timeMs } from './lib/report'

export const EXPORT_NODES = 2_000

/**
 * A debate-shaped map: a Kialo-like tree under 5 theses (each node supports
 * or attacks an earlier one), 1 node in 5 is quoted evidence with a speaker,
 * plus cross-links (a premise reused elsewhere) and undercuts, so the outline
 * and AIF paths for references and undercuts are exercised.
 */
export function exportMap(n = EXPORT_NODES, seed = 7): ArgumentMap {
  const rnd = seededRandom(seed)
  const speakers = ['Ana Ruiz', 'Ben Hart', 'Cara Lowe', 'Dev Patel']
  const nodes: ArgNode[] = []
  const relations: Relation[] = []
  const supports: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `n${i}`
    const evidence = i >= 5 && rnd() < 0.2
    const node: ArgNode = {
      id,
      kind: i < 5 ? 'claim' : evidence ? 'evidence' : rnd() < 0.5 ? 'argument' : 'objection',
      text: `Statement ${i} about *policy* [v${i % 7}] with enough words to look like a real claim.`,
      x: (i % 40) * 260,
      y: Math.floor(i / 40) * 160,
      pinned: false,
    }
    if (evidence) {
      node.quote = `“We measured ${i} things & found <${i % 13}> problems,” the report says.`
      node.speaker = speakers[i % speakers.length]
      node.source = `Report ${i % 17}`
    }
    nodes.push(node)
    if (i < 5) continue
    const target = `n${Math.floor(rnd() * i)}`
    const kind = rnd() < 0.6 ? 'supports' : 'attacks'
    relations.push({ id: `r${i}`, kind, source: id, target })
    if (kind === 'supports') supports.push(`r${i}`)
  }
  for (let e = 0; e < n / 10; e++) {
    const s = `n${5 + Math.floor(rnd() * (n - 5))}`
    if (rnd() < 0.5 && supports.length > 0) {
      relations.push({
        id: `u${e}`,
        kind: 'undercuts',
        source: s,
        target: supports[Math.floor(rnd() * supports.length)]!,
      })
    } else {
      const t = `n${Math.floor(rnd() * n)}`
      if (t !== s) relations.push({ id: `x${e}`, kind: 'attacks', source: s, target: t })
    }
  }
  return { title: `Export benchmark (${n} nodes)`, nodes, relations, votes: [] }
}

interface Row {
  format: string
  ms: number
  bytes?: number
}

export async function main(): Promise<Row[]> {
  const map = exportMap()
  const opts = { warmup: 3, runs: 15 }
  const baseline = timeMs(() => JSON.stringify(map), opts)
  const aifText = JSON.stringify(serializeAif(map))
  const cruxText = serializeCruxJson(map)
  const rows: Row[] = [
    { format: 'baseline: JSON.stringify(map)', ms: baseline, bytes: JSON.stringify(map).length },
    {
      format: 'AIF JSON (serializeAif + stringify)',
      ms: timeMs(() => JSON.stringify(serializeAif(map)), opts),
      bytes: aifText.length,
    },
    { format: 'Crux JSON (serializeCruxJson)', ms: timeMs(() => serializeCruxJson(map), opts), bytes: cruxText.length },
    {
      format: 'Markdown outline',
      ms: timeMs(() => serializeMarkdownOutline(map), opts),
      bytes: serializeMarkdownOutline(map).length,
    },
    { format: 'outline model (buildOutline)', ms: timeMs(() => buildOutline(map), opts) },
  ]
  const argdownDir = path.resolve(import.meta.dirname, '../core/convert/argdown')
  if (existsSync(argdownDir)) {
    const { serializeArgdown } = await import('@/core/convert/argdown')
    rows.push({
      format: 'Argdown (serializeArgdown)',
      ms: timeMs(() => serializeArgdown(map), opts),
      bytes: serializeArgdown(map).length,
    })
  } else {
    console.log('note: core/convert/argdown not found; Argdown export skipped')
  }
  rows.push(
    { format: 'import: parseAif', ms: timeMs(() => parseAif(aifText), opts) },
    { format: 'import: parseCruxJson', ms: timeMs(() => parseCruxJson(cruxText), opts) },
  )

  console.log(`Export of a ${EXPORT_NODES}-node map (${map.relations.length} relations), median of ${opts.runs} runs\n`)
  console.log(
    markdownTable(
      ['format', 'median ms', '× JSON.stringify', 'output size'],
      rows.map((r) => [
        r.format,
        r.ms.toFixed(2),
        (r.ms / baseline).toFixed(1),
        r.bytes === undefined ? '—' : `${(r.bytes / 1024).toFixed(0)} KiB`,
      ]),
    ),
  )
  return rows
}

if (isMain(import.meta.url)) void main()
