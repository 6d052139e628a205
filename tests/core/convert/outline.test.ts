import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { buildOutline, isRef, type OutlineItem } from '@/core/convert/outline'
import { ArgumentMapSchema, type ArgNode, type ArgumentMap, type Relation } from '@/core/graph'
import { arbValidMap } from './arbitraries'

const goldenMap = () =>
  ArgumentMapSchema.parse(
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/aif/golden-map.json'), 'utf8')),
  )

const node = (id: string): ArgNode => ({ id, kind: 'claim', text: id.toUpperCase(), x: 0, y: 0, pinned: false })
const rel = (id: string, kind: Relation['kind'], source: string, target: string): Relation => ({
  id,
  kind,
  source,
  target,
})
const mapOf = (ids: string[], relations: Relation[]): ArgumentMap => ({
  title: 't',
  nodes: ids.map(node),
  relations,
  votes: [],
})

/** A tiny notation: `id` for a full node, `^id` for a reference, children in brackets. */
function sketch(items: OutlineItem[]): string {
  return items
    .map((i) => {
      const via = i.via ? `${i.via.kind[0]}:` : ''
      const head = isRef(i) ? `${via}^${i.ref}` : `${via}${i.id}`
      return i.children.length > 0 ? `${head}[${sketch(i.children)}]` : head
    })
    .join(' ')
}

function walk(items: OutlineItem[], visit: (i: OutlineItem) => void): void {
  for (const i of items) {
    visit(i)
    walk(i.children, visit)
  }
}

describe('buildOutline', () => {
  test('golden map: thesis on top, supports before attacks, the undercut under the support it targets', () => {
    expect(sketch(buildOutline(goldenMap()))).toBe('thesis[s:air[s:study[u:wind]] a:shops[a:q1]]')
  })

  test('evidence items carry quote, speaker and source', () => {
    let study: OutlineItem | undefined
    walk(buildOutline(goldenMap()), (i) => {
      if (!isRef(i) && i.id === 'study') study = i
    })
    expect(study).toMatchObject({
      kind: 'evidence',
      quote: 'Road traffic accounts for 61% of NO2 measured in the centre.',
      speaker: 'Dr. Ana Ruiz',
      source: 'Air report 2023',
    })
  })

  test('a reconstruction is shown as one and a paraphrase names its speaker; a quote needs no voice line', () => {
    const node = (id: string, extra: Partial<ArgNode>): ArgNode => ({
      id,
      kind: 'claim',
      text: id,
      x: 0,
      y: 0,
      pinned: false,
      ...extra,
    })
    const map: ArgumentMap = {
      title: 't',
      nodes: [
        node('thesis', { speaker: 'Ann Lee', quote: 'we must', source: 'paper' }),
        node('bridge', { analysis: true }),
        node('said', { speaker: 'Bo Smith', paraphrase: true }),
      ],
      relations: [
        { id: 'r1', kind: 'supports', source: 'bridge', target: 'thesis' },
        { id: 'r2', kind: 'supports', source: 'said', target: 'thesis' },
      ],
      votes: [],
    }
    const voices: Record<string, string | undefined> = {}
    walk(buildOutline(map), (i) => {
      if (!isRef(i)) voices[i.id] = i.voice
    })
    expect(voices).toEqual({ thesis: undefined, bridge: 'reconstruction', said: 'paraphrasing Bo Smith' })
  })

  test('a shared premise appears once in full, then as a reference', () => {
    const map = mapOf(['a', 'b', 'p'], [rel('r1', 'supports', 'p', 'a'), rel('r2', 'supports', 'p', 'b')])
    expect(sketch(buildOutline(map))).toBe('a[s:p] b[s:^p]')
  })

  test('main theses first: most descendants, ties by id', () => {
    const map = mapOf(
      ['z', 'y', 'x', 'c1', 'c2', 'c3'],
      [rel('r1', 'supports', 'c1', 'y'), rel('r2', 'attacks', 'c2', 'c1'), rel('r3', 'supports', 'c3', 'z')],
    )
    expect(sketch(buildOutline(map))).toBe('y[s:c1[a:c2]] z[s:c3] x')
  })

  test('a cycle with no way out still appears, and the outline stays finite', () => {
    const map = mapOf(['a', 'b'], [rel('r1', 'attacks', 'a', 'b'), rel('r2', 'attacks', 'b', 'a')])
    expect(sketch(buildOutline(map))).toBe('a[a:b[a:^a]]')
  })

  test('a repeated support still shows its undercuts, at the reference', () => {
    const map = mapOf(
      ['a', 'b', 'p', 'q', 'u'],
      [
        rel('r1', 'supports', 'p', 'a'),
        rel('r2', 'supports', 'p', 'b'),
        rel('r3', 'undercuts', 'u', 'r2'),
        rel('r4', 'supports', 'q', 'a'),
      ],
    )
    // a and b both have two descendants; the tie goes to the smaller id.
    expect(sketch(buildOutline(map))).toBe('a[s:p s:q] b[s:^p[u:u]]')
  })

  test('property: every node once in full, every relation placed exactly once', () => {
    fc.assert(
      fc.property(arbValidMap(), (map) => {
        const full: string[] = []
        const placed: string[] = []
        walk(buildOutline(map), (i) => {
          if (!isRef(i)) full.push(i.id)
          if (i.via) placed.push(i.via.relationId)
        })
        expect(full.sort()).toEqual(map.nodes.map((n) => n.id).sort())
        expect(placed.sort()).toEqual(map.relations.map((r) => r.id).sort())
      }),
      { numRuns: 300 },
    )
  })

  test('property: the order of the input does not change the outline', () => {
    fc.assert(
      fc.property(arbValidMap(), (map) => {
        const reversed = { ...map, nodes: [...map.nodes].reverse(), relations: [...map.relations].reverse() }
        expect(buildOutline(reversed)).toEqual(buildOutline(map))
      }),
      { numRuns: 200 },
    )
  })
})
