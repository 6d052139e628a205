import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadSeedMaps } from '@/content'
import { drawMapSvg, drawingOfMap, wrapText } from '@/core/convert'
import { evaluate } from '@/core/evaluate'
import type { ArgumentMap } from '@/core/graph'
import { withLayout } from '@/core/layout/arrange'

/**
 * The vector export: a drawing made of paths and text, checked by a renderer that is not a browser
 * (librsvg's rsvg-convert, Debian's librsvg2-bin), which also rejects any file that is not well-formed XML.
 */
const RSVG = '/usr/bin/rsvg-convert'

function rasterise(svg: string): Buffer {
  if (!fs.existsSync(RSVG)) throw new Error(`The SVG tests need ${RSVG}: run \`apt-get install -y librsvg2-bin\``)
  return execFileSync(RSVG, ['--format', 'png'], { input: svg, maxBuffer: 64 * 1024 * 1024 })
}
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) })

let map: ArgumentMap
beforeAll(async () => {
  const seeds = await loadSeedMaps()
  map = await withLayout(seeds.find((s) => s.key === 'no-grey-zones')?.map ?? seeds[0]!.map)
})

describe('SVG drawing of a map', () => {
  test('paths and text only: every node and relation drawn, no foreignObject, no script, renders in librsvg at its size', () => {
    const badges = new Map([...evaluate(map).nodes].map(([id, e]) => [id, { label: e.label, strength: e.strength }]))
    const svg = drawMapSvg(drawingOfMap(map, { badges }))
    expect(svg).not.toMatch(/foreignObject|<script|<html|xmlns:xhtml/i)
    expect(svg.match(/<g id="node-/g)?.length).toBe(map.nodes.length)
    expect(svg.match(/<g id="relation-/g)?.length).toBe(map.relations.length)
    for (const node of map.nodes) {
      // Every word of every node is in some <text> (wrapping may split a line, never a word).
      for (const word of node.text
        .split(/\s+/)
        .filter((w) => w.length > 3)
        .slice(0, 5)) {
        expect(svg, node.id).toContain(
          word
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;')
            .replace(/'/g, '&apos;'),
        )
      }
    }
    expect(svg).toMatch(/stroke-dasharray="8 5"/) // attacks stay dashed at any zoom
    const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!
    expect(pngSize(rasterise(svg))).toEqual({ width: Number(w), height: Number(h) })
  })

  test('hostile text stays text: XSS payloads and control characters make a well-formed file that librsvg renders', () => {
    const payloads = fs
      .readFileSync(path.resolve(import.meta.dirname, '../../fixtures/xss-payloads.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
    const hostile: ArgumentMap = {
      ...map,
      title: '</title><script>alert(1)</script>',
      nodes: map.nodes.map((n, i) => ({
        ...n,
        text: `${payloads[i % payloads.length]} \u0001\u0008 \ud83d tail`,
        speaker: '"><g onload="x',
      })),
    }
    const svg = drawMapSvg(drawingOfMap(hostile))
    expect(svg).not.toMatch(/<script|<img|<iframe|<g onload/i)
    expect(svg).toContain('&lt;script&gt;')
    expect(() => rasterise(svg)).not.toThrow()
  })

  test('an empty map is still a valid drawing', () => {
    const svg = drawMapSvg({ title: 'Empty', nodes: [], relations: [] })
    expect(pngSize(rasterise(svg)).width).toBeGreaterThan(0)
  })
})

describe('wrapText', () => {
  test('keeps every character of every word, in order, and no line is longer than the width allows', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 60, max: 400 }), (text, width) => {
        const lines = wrapText(text, width, 14)
        const perLine = Math.max(8, Math.floor(width / (14 * 0.56)))
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(perLine)
        expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''))
      }),
      { numRuns: 300 },
    )
  })
})
