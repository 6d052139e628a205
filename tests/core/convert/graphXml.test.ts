import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { serializeDrawio, serializeGraphml } from '@/core/convert'
import { parseArgdown } from '@/core/convert/argdown'
import type { ArgumentMap } from '@/core/graph'
import { arbValidMap } from './arbitraries'

/**
 * A small XML reader for the tests: well-formedness (every tag closed in
 * order, attributes quoted, only the five entities and character references),
 * elements with their attributes and decoded text.
 */
interface El {
  name: string
  attrs: Record<string, string>
  text: string
}
function readXml(xml: string): El[] {
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bad entity in ${s.slice(0, 40)}`)
    if (/[<]/.test(s)) throw new Error(`raw < in ${s.slice(0, 40)}`)
    return s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  }
  const els: El[] = []
  const stack: El[] = []
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '')
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy
  let m: RegExpExecArray | null
  let at = 0
  while ((m = token.exec(body))) {
    at = token.lastIndex
    const [, close, name, attrs, selfClose, text] = m
    if (text !== undefined) {
      if (stack.length > 0) stack[stack.length - 1]!.text += decode(text)
      else if (text.trim() !== '') throw new Error('text outside the root')
      continue
    }
    if (close) {
      if (stack.pop()?.name !== name) throw new Error(`</${name}> closes the wrong element`)
      continue
    }
    const el: El = { name: name!, attrs: {}, text: '' }
    for (const a of attrs!.matchAll(/([\w:.-]+)="([^"]*)"/g)) el.attrs[a[1]!] = decode(a[2]!)
    els.push(el)
    if (!selfClose) stack.push(el)
  }
  if (at !== body.length || stack.length > 0) throw new Error(`not well-formed at ${at}`)
  return els
}

const payloads = readFileSync(path.join(import.meta.dirname, '../../fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter(Boolean)

function sample(): ArgumentMap {
  const r = parseArgdown(
    '[Thesis]: Cities & cars \\<now\\>\n  <+ <Air>: Cleaner "air"\n    <_ [Ring]: Traffic moves\n  <- [Shops]: Shops suffer\n',
  )
  if (!r.ok) throw new Error('fixture')
  return { ...r.map, nodes: r.map.nodes.map((n, i) => ({ ...n, x: 100 * i, y: 50 * i })) }
}

describe('GraphML (yEd) and draw.io export', () => {
  test('GraphML: a box per node at its place, an edge per relation, the undercut aimed at its inference node', () => {
    const map = sample()
    const els = readXml(serializeGraphml(map))
    const nodes = els.filter((e) => e.name === 'node')
    const edges = els.filter((e) => e.name === 'edge')
    expect(nodes.map((n) => n.attrs.id)).toEqual([...map.nodes.map((n) => n.id), expect.stringMatching(/^inference-/)])
    expect(els.filter((e) => e.name === 'y:NodeLabel').map((e) => e.text)).toEqual(map.nodes.map((n) => n.text))
    expect(
      els
        .filter((e) => e.name === 'y:Geometry')
        .slice(0, map.nodes.length)
        .map((g) => [Number(g.attrs.x), Number(g.attrs.y)]),
    ).toEqual(map.nodes.map((n) => [n.x, n.y]))
    const undercut = map.relations.find((r) => r.kind === 'undercuts')!
    expect(edges.find((e) => e.attrs.id === undercut.id)!.attrs.target).toBe(`inference-${undercut.target}`)
    // A support that is undercut runs through its inference node: two edges instead of one.
    expect(edges).toHaveLength(map.relations.length + 1)
  })

  test('draw.io: a vertex per node, an edge per relation, the undercut ending on the support it attacks', () => {
    const map = sample()
    const els = readXml(serializeDrawio(map))
    const cells = els.filter((e) => e.name === 'mxCell')
    const vertices = cells.filter((c) => c.attrs.vertex === '1')
    expect(vertices.map((v) => v.attrs.value)).toEqual(map.nodes.map((n) => n.text))
    const undercut = map.relations.find((r) => r.kind === 'undercuts')!
    const edge = cells.find((c) => c.attrs.id === `c-${undercut.id}`)!
    expect(edge.attrs.target).toBe(`c-${undercut.target}`)
    expect(cells.find((c) => c.attrs.id === edge.attrs.target)!.attrs.edge).toBe('1')
    expect(cells.filter((c) => c.attrs.edge === '1')).toHaveLength(map.relations.length)
  })

  test('hostile text stays text: every payload comes back exactly, and the XML stays well-formed', () => {
    const map: ArgumentMap = {
      title: payloads[0]!,
      nodes: payloads.map((p, i) => ({ id: `n${i}`, kind: 'claim', text: p, x: 0, y: 0, pinned: false })),
      relations: [],
      votes: [],
    }
    const g = readXml(serializeGraphml(map))
      .filter((e) => e.name === 'y:NodeLabel')
      .map((e) => e.text)
    const d = readXml(serializeDrawio(map))
      .filter((e) => e.name === 'mxCell' && e.attrs.vertex === '1')
      .map((e) => e.attrs.value)
    expect(g).toEqual(payloads)
    expect(d).toEqual(payloads)
  })

  test('any valid map gives well-formed files with one shape per node and one connector per drawable relation', () => {
    fc.assert(
      fc.property(arbValidMap(), (map) => {
        const drawio = readXml(serializeDrawio(map)).filter((e) => e.name === 'mxCell')
        expect(drawio.filter((c) => c.attrs.vertex === '1')).toHaveLength(map.nodes.length)
        expect(drawio.filter((c) => c.attrs.edge === '1')).toHaveLength(map.relations.length)
        const graphml = readXml(serializeGraphml(map))
        const undercutSupports = new Set(map.relations.filter((r) => r.kind === 'undercuts').map((r) => r.target))
        expect(graphml.filter((e) => e.name === 'node')).toHaveLength(map.nodes.length + undercutSupports.size)
      }),
      { numRuns: 100 },
    )
  })
})
