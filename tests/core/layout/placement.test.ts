import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { placeNewNode, PLACEMENT_STEP } from '@/core/layout/placement'
import { layoutEdges } from '@/core/layout/layoutEdges'
import { anchorOffset, separateFromObstacles, overlaps, type Box } from '@/core/layout/boxes'

const size = { width: 200, height: 80 }

describe('placeNewNode', () => {
  test('an empty view gets the node centred', () => {
    expect(placeNewNode({ x: 500, y: 300 }, [], size)).toEqual({ x: 400, y: 260 })
  })

  test('repeated adds fan out along the diagonal instead of stacking', () => {
    const placed: { x: number; y: number }[] = []
    for (let i = 0; i < 4; i++) placed.push(placeNewNode({ x: 0, y: 0 }, placed, size))
    expect(placed.map((p) => p.x)).toEqual([-100, -100 + PLACEMENT_STEP, -100 + 2 * PLACEMENT_STEP, -100 + 3 * PLACEMENT_STEP])
  })

  test('property: with fewer than 50 nodes around, the spot is never already taken', () => {
    const pt = fc.record({ x: fc.integer({ min: -300, max: 300 }), y: fc.integer({ min: -300, max: 300 }) })
    fc.assert(
      fc.property(pt, fc.array(pt, { maxLength: 49 }), (centre, existing) => {
        const p = placeNewNode(centre, existing, size)
        expect(existing.some((e) => Math.abs(e.x - p.x) < 8 && Math.abs(e.y - p.y) < 8)).toBe(false)
      }),
    )
  })
})

describe('layoutEdges', () => {
  const nodes = ['a', 'b', 'c'].map((id) => ({ id, kind: 'claim' as const, text: '', x: 0, y: 0, pinned: false }))
  test('an undercut becomes an edge to the support source; duplicates and self-loops go', () => {
    const edges = layoutEdges({
      title: '',
      votes: [],
      nodes,
      relations: [
        { id: 's', kind: 'supports', source: 'a', target: 'b' },
        { id: 's2', kind: 'attacks', source: 'a', target: 'b' },
        { id: 'u', kind: 'undercuts', source: 'c', target: 's' },
        { id: 'u2', kind: 'undercuts', source: 'a', target: 's' },
        { id: 'dangling', kind: 'supports', source: 'a', target: 'zzz' },
      ],
    })
    expect(edges).toEqual([
      { id: 's', source: 'a', target: 'b' },
      { id: 'u', source: 'c', target: 'a' },
    ])
  })
})

describe('boxes', () => {
  test('anchorOffset is the mean displacement', () => {
    expect(anchorOffset([{ from: { x: 0, y: 0 }, to: { x: 10, y: 4 } }, { from: { x: 0, y: 0 }, to: { x: 20, y: 0 } }])).toEqual({ x: 15, y: 2 })
    expect(anchorOffset([])).toEqual({ x: 0, y: 0 })
  })

  test('property: separated boxes overlap neither obstacles nor each other, and keep their y', () => {
    const box = (prefix: string) =>
      fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 1, max: 200 }) })
        .map((b) => ({ ...b, id: prefix }))
    fc.assert(
      fc.property(fc.array(box('b'), { maxLength: 12 }), fc.array(box('o'), { maxLength: 6 }), (bs, os) => {
        const boxes = bs.map((b, i) => ({ ...b, id: `b${i}` }))
        const out = separateFromObstacles(boxes, os, 10)
        const all: Box[] = [...out, ...os]
        for (let i = 0; i < out.length; i++)
          for (let j = 0; j < all.length; j++) if (all[j] !== out[i]) expect(overlaps(out[i]!, all[j]!)).toBe(false)
        for (const b of out) expect(b.y).toBe(boxes.find((x) => x.id === b.id)!.y)
      }),
    )
  })
})
