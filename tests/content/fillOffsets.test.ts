import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { fillOffsets } from '@/content/tools/fill-offsets'

const root = path.resolve(import.meta.dirname, '../..')

describe('fill-offsets', () => {
  test('[SM3] writes the offsets of a quote that occurs once', () => {
    const out = fillOffsets('[Q]: q {quote: "b \\"c\\"", start: 0, end: 0}', 'a b "c" d', 'test')
    expect(out).toBe('[Q]: q {quote: "b \\"c\\"", start: 2, end: 7}')
  })

  test('[SM3] refuses a quote that is missing or occurs twice', () => {
    expect(() => fillOffsets('{quote: "x", start: 0, end: 0}', 'abc', 't')).toThrow(/not in source/)
    expect(() => fillOffsets('{quote: "b", start: 0, end: 0}', 'abcb', 't')).toThrow(/occurs twice/)
  })

  test('[SM3] the committed maps are up to date with the tool', () => {
    const source = readFileSync(path.join(root, 'content/sources/belarus-nato.txt'), 'utf8')
    const dir = path.join(root, 'content/maps')
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.argdown'))) {
      const text = readFileSync(path.join(dir, file), 'utf8')
      expect(fillOffsets(text, source, file), file).toBe(text)
    }
  })
})
