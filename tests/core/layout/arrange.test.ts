import { expect, test } from 'vitest'
import type { ArgumentMap } from '@/core/graph'
import { withLayout } from '@/core/layout/arrange'
import { estimateNodeSize } from '@/core/layout/sizes'

const unplaced: ArgumentMap = {
  title: 't',
  nodes: ['thesis', 'p1', 'p2'].map((id) => ({ id, kind: 'claim' as const, text: id, x: 0, y: 0, pinned: false })),
  relations: [
    { id: 'r1', kind: 'supports', source: 'p1', target: 'thesis' },
    { id: 'r2', kind: 'attacks', source: 'p2', target: 'thesis' },
  ],
  votes: [],
}

test('a map without positions is laid out with conclusions on top and no shared spot', async () => {
  const laid = await withLayout(unplaced)
  const pos = new Map(laid.nodes.map((n) => [n.id, n]))
  expect(pos.get('thesis')!.y).toBeLessThan(pos.get('p1')!.y)
  expect(new Set(laid.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(3)
})

test('a map that already has positions is left alone', async () => {
  const placed = { ...unplaced, nodes: unplaced.nodes.map((n, i) => ({ ...n, x: i * 7, y: 3 })) }
  expect(await withLayout(placed)).toBe(placed)
})

test('longer text and quotes make taller size estimates', () => {
  const short = estimateNodeSize({ text: 'a' })
  const long = estimateNodeSize({ text: 'a'.repeat(300), quote: 'q'.repeat(200), speaker: 'S' })
  expect(long.height).toBeGreaterThan(short.height)
})
