import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { placeNewNode, unstack } from '@/core/layout/placement'
import { layoutEdges } from '@/core/layout/layoutEdges'
import { anchorOffset, separateFromObstacles, overlaps, type Box } from '@/core/layout/boxes'

const size = { width: 200, height: 80 }

describe('placeNewNode', () => {
  const box = (p: { x: number; y: number }, sz = size) => ({ ...p, ...sz })

  test('an empty view gets the node centred', () => {
    expect(placeNewNode({ x: 500, y: 300 }, [], size)).toEqual({ x: 400, y: 260 })
  })

  test('repeated adds never land on each other', () => {
    const placed: Array<{ x: number; y: number; width: number; height: number }> = []
    for (let i = 0; i < 6; i++) placed.push(box(placeNewNode({ x: 0, y: 0 }, placed, size)))
    for (const a of placed)
      for (const b of placed) if (a !== b) expect(overlaps({ id: 'a', ...a }, { id: 'b', ...b })).toBe(false)
  })

  test('a node added over an existing one goes below it (where premises and objections sit)', () => {
    const first = placeNewNode({ x: 0, y: 0 }, [], size)
    const second = placeNewNode({ x: 0, y: 0 }, [box(first)], size)
    expect(second.x).toBe(first.x)
    expect(second.y).toBeGreaterThan(first.y + size.height)
  })

  test('a tall node at the centre is not covered by the new one', () => {
    const tall = { x: -120, y: -200, width: 240, height: 400 }
    const p = placeNewNode({ x: 0, y: 0 }, [tall], size)
    expect(overlaps({ id: 'n', ...box(p) }, { id: 't', ...tall })).toBe(false)
  })

  test('property: with a few nodes around, the new box overlaps none of them', () => {
    const b = fc.record({
      x: fc.integer({ min: -300, max: 300 }),
      y: fc.integer({ min: -300, max: 300 }),
      width: fc.integer({ min: 40, max: 300 }),
      height: fc.integer({ min: 40, max: 400 }),
    })
    fc.assert(
      fc.property(
        fc.record({ x: fc.integer({ min: -300, max: 300 }), y: fc.integer({ min: -300, max: 300 }) }),
        fc.array(b, { maxLength: 12 }),
        (centre, existing) => {
          const p = placeNewNode(centre, existing, size)
          expect(existing.some((e) => overlaps({ id: 'n', ...box(p) }, { id: 'e', ...e }))).toBe(false)
        },
      ),
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
    expect(
      anchorOffset([
        { from: { x: 0, y: 0 }, to: { x: 10, y: 4 } },
        { from: { x: 0, y: 0 }, to: { x: 20, y: 0 } },
      ]),
    ).toEqual({ x: 15, y: 2 })
    expect(anchorOffset([])).toEqual({ x: 0, y: 0 })
  })

  test('property: separated boxes overlap neither obstacles nor each other, and keep their y', () => {
    const box = (prefix: string) =>
      fc
        .record({
          x: fc.integer({ min: -500, max: 500 }),
          y: fc.integer({ min: -500, max: 500 }),
          width: fc.integer({ min: 1, max: 200 }),
          height: fc.integer({ min: 1, max: 200 }),
        })
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

describe('[PA11] concurrent adds', () => {
  const box = (id: string, p: { x: number; y: number }) => ({ id, ...p, ...size })

  test('[PA11] three people adding at once at the same view, before seeing each other, mostly start on distinct spots', () => {
    // Each sees only the map as it was: none of the others' new nodes.
    const people = ['gAnn0001', 'gBob0002', 'gCid0003']
    const spots = people.map((p) => placeNewNode({ x: 0, y: 0 }, [], size, p))
    expect(new Set(spots.map((s) => `${s.x},${s.y}`)).size).toBe(3)
  })

  test('[PA11] after any crossing of adds, unstacking leaves no two nodes overlapping, and only the greater id moves', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
        (ids, cells) => {
          // Everyone placed blind, on a few cells: many stack.
          let nodes = ids.map((id, i) => box(id, { x: cells[i]! * 100, y: 0 }))
          // Rounds: each person, seeing everything, unstacks their own node.
          for (let round = 0; round < ids.length + 1; round++) {
            for (const id of ids) {
              const mine = nodes.find((n) => n.id === id)!
              const to = unstack(mine, nodes)
              if (to) nodes = nodes.map((n) => (n.id === id ? { ...n, ...to } : n))
            }
          }
          for (const a of nodes) for (const b of nodes) if (a !== b) expect(overlaps(a, b)).toBe(false)
          // The smallest id never moves.
          const first = [...ids].sort()[0]!
          const i = ids.indexOf(first)
          expect(nodes.find((n) => n.id === first)).toMatchObject({ x: cells[i]! * 100, y: 0 })
        },
      ),
    )
  })
})
