/**
 * Writes `start`/`end` after every `quote: "..."` in content/maps/*.argdown,
 * so offsets are computed, never hand-counted. Run after editing a quote:
 *   npx tsx content/tools/fill-offsets.ts
 * A quote must occur exactly once in the source, or the script stops:
 * an ambiguous quote would make its offsets a guess.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const QUOTE_WITH_OFFSETS = /quote: "((?:[^"\\]|\\.)*)", start: \d+, end: \d+/g

export function fillOffsets(argdown: string, source: string, where: string): string {
  return argdown.replace(QUOTE_WITH_OFFSETS, (_all, raw: string) => {
    // YAML double-quoted strings and JSON strings share the escapes we use (\" and \\).
    const quote = JSON.parse(`"${raw}"`) as string
    const start = source.indexOf(quote)
    if (start < 0) throw new Error(`${where}: quote not in source: ${quote}`)
    if (source.indexOf(quote, start + 1) >= 0) throw new Error(`${where}: quote occurs twice, lengthen it: ${quote}`)
    return `quote: "${raw}", start: ${start}, end: ${start + quote.length}`
  })
}

function main(): void {
  const source = readFileSync(path.join(contentDir, 'sources/belarus-nato.txt'), 'utf8')
  const mapsDir = path.join(contentDir, 'maps')
  for (const file of readdirSync(mapsDir).filter((f) => f.endsWith('.argdown'))) {
    const full = path.join(mapsDir, file)
    const before = readFileSync(full, 'utf8')
    const after = fillOffsets(before, source, file)
    if (after !== before) writeFileSync(full, after)
    console.log(`${file}: ${after === before ? 'unchanged' : 'offsets updated'}`)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
