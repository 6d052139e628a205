import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { autoArrange, DEFAULT_NODE_SIZE } from '@/core/layout/elk'
import { overlaps, type Box } from '@/core/layout/boxes'
import type { ArgNode, ArgumentMap, Relation } from '@/core/graph'

const node = (id: string, x = 0, y = 0, pinned = false): ArgNode => ({ id, kind: 'claim', text: id, x, y, pinned })
const rel = (id: string, kind: Relation['kind'], source: string, target: string): Relation => ({
  id,
  kind,
  source,
  target,
})
const mapOf = (nodes: ArgNode[], relations: Relation[]): ArgumentMap => ({ title: 't', nodes, relations, votes: [] })

/** Final boxes: arranged positions for free nodes, untouched for pinned ones. */
function finalBoxes(map: ArgumentMap, placed: { id: string; x: number; y: number }[]): Box[] {
  const at = new Map(placed.map((p) => [p.id, p]))
  return map.nodes.map((n) => {
    const p = at.get(n.id) ?? n
    return { id: n.id, x: p.x, y: p.y, ...DEFAULT_NODE_SIZE }
  })
}

/** Pinned nodes may overlap each other (the user put them there); nothing else may. */
function anyOverlap(boxes: Box[], pinned: ReadonlySet<string> = new Set()): string | null {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!]
      if (pinned.has(a.id) && pinned.has(b.id)) continue
      if (overlaps(a, b)) return `${a.id}/${b.id}`
    }
  return null
}

// c is the conclusion; a1, a2 support it; o attacks a1; u undercuts a2 -> c.
const tree = mapOf(
  ['c', 'a1', 'a2', 'o', 'u'].map((id) => node(id)),
  [
    rel('s1', 'supports', 'a1', 'c'),
    rel('s2', 'supports', 'a2', 'c'),
    rel('x1', 'attacks', 'o', 'a1'),
    rel('u1', 'undercuts', 'u', 's2'),
  ],
)

describe('autoArrange', () => {
  test('an empty map has nothing to place', async () => {
    expect(await autoArrange(mapOf([], []))).toEqual([])
  })

  test('conclusions sit above the nodes that bear on them', async () => {
    const placed = await autoArrange(tree)
    const y = new Map(placed.map((p) => [p.id, p.y]))
    expect(y.get('c')!).toBeLessThan(y.get('a1')!)
    expect(y.get('c')!).toBeLessThan(y.get('a2')!)
    expect(y.get('a1')!).toBeLessThan(y.get('o')!)
    // the undercut lays out as an edge to the support's source (a2)
    expect(y.get('a2')!).toBeLessThan(y.get('u')!)
  })

  test('a small tree comes out without overlaps, all nodes placed', async () => {
    const placed = await autoArrange(tree)
    expect(placed.map((p) => p.id).sort()).toEqual(['a1', 'a2', 'c', 'o', 'u'])
    expect(anyOverlap(finalBoxes(tree, placed))).toBeNull()
  })

  test('uses measured sizes when given: tall nodes push layers apart', async () => {
    const small = await autoArrange(tree)
    const sizes = new Map(tree.nodes.map((n) => [n.id, { width: 240, height: 400 }]))
    const tall = await autoArrange(tree, sizes)
    const gap = (ps: typeof small) => ps.find((p) => p.id === 'a1')!.y - ps.find((p) => p.id === 'c')!.y
    expect(gap(tall)).toBeGreaterThanOrEqual(400)
    expect(gap(small)).toBeLessThan(400)
  })

  test('pinned nodes are not returned and the others avoid them', async () => {
    const pinnedMap = mapOf(
      tree.nodes.map((n) =>
        n.id === 'c' ? node('c', 5000, -3000, true) : n.id === 'o' ? node('o', 4990, -2700, true) : n,
      ),
      tree.relations,
    )
    const placed = await autoArrange(pinnedMap)
    expect(placed.map((p) => p.id).sort()).toEqual(['a1', 'a2', 'u'])
    expect(anyOverlap(finalBoxes(pinnedMap, placed))).toBeNull()
    // the layout is anchored on the pins, not left at the origin
    for (const p of placed) expect(Math.abs(p.x - 5000)).toBeLessThan(2000)
  })

  test('without pins the map keeps its top-left corner', async () => {
    const shifted = mapOf(
      tree.nodes.map((n, i) => node(n.id, 1000 + i * 7, -500 + i * 3)),
      tree.relations,
    )
    const placed = await autoArrange(shifted)
    expect(Math.min(...placed.map((p) => p.x))).toBe(1000)
    expect(Math.min(...placed.map((p) => p.y))).toBe(-500)
  })

  test('property: any random map, pins stay, nothing overlaps, supported targets are above', async () => {
    const arbMap = fc
      .record({
        n: fc.integer({ min: 1, max: 9 }),
        pins: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        xy: fc.array(fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 })), {
          minLength: 9,
          maxLength: 9,
        }),
        parents: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
      })
      .map(({ n, pins, xy, parents }) => {
        const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`, xy[i]![0], xy[i]![1], pins[i]!))
        // a forest: node i > 0 supports some earlier node
        const relations = nodes
          .slice(1)
          .map((_, k) => rel(`r${k + 1}`, 'supports', `n${k + 1}`, `n${parents[k + 1]! % (k + 1)}`))
        return mapOf(nodes, relations)
      })
    await fc.assert(
      fc.asyncProperty(arbMap, async (map) => {
        const placed = await autoArrange(map)
        const pinnedIds = new Set(map.nodes.filter((n) => n.pinned).map((n) => n.id))
        expect(placed.some((p) => pinnedIds.has(p.id))).toBe(false)
        expect(placed.length).toBe(map.nodes.length - pinnedIds.size)
        expect(anyOverlap(finalBoxes(map, placed), pinnedIds)).toBeNull()
        const y = new Map(placed.map((p) => [p.id, p.y]))
        for (const r of map.relations) {
          if (y.has(r.source) && y.has(r.target)) expect(y.get(r.target)!).toBeLessThan(y.get(r.source)!)
        }
      }),
      { numRuns: 40 },
    )
  })
})
