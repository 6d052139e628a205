import { describe, expect, test } from 'vitest'
import { READABLE_TEXT_PX, initialViewport, mainClaim } from '@/core/layout'

const screen = { width: 1000, height: 800 }
const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height })

describe('initialViewport', () => {
  test('a small map is fitted whole and centred, never above the zoom cap', () => {
    const v = initialViewport({ bounds: box(0, 0, 200, 100), focus: box(0, 0, 220, 80), screen, textPx: 14 })
    expect(v.zoom).toBe(1.2)
    // Centred: the middle of the bounds lands in the middle of the screen.
    expect(v.x + 100 * v.zoom).toBeCloseTo(500)
    expect(v.y + 50 * v.zoom).toBeCloseTo(400)
  })

  test('a map too large to fit readably opens on the focus at the smallest readable zoom', () => {
    const focus = box(2000, 0, 220, 80)
    const v = initialViewport({ bounds: box(0, 0, 6000, 3000), focus, screen, textPx: 14 })
    expect(v.zoom * 14).toBeGreaterThanOrEqual(READABLE_TEXT_PX)
    expect(v.zoom * 14).toBeCloseTo(READABLE_TEXT_PX, 1)
    // The focus is horizontally centred and near the top, wholly on screen.
    expect(v.x + (focus.x + focus.width / 2) * v.zoom).toBeCloseTo(500)
    const top = v.y + focus.y * v.zoom
    expect(top).toBeGreaterThan(0)
    expect(top + focus.height * v.zoom).toBeLessThan(screen.height)
  })

  test('larger text allows a smaller zoom, and without a focus the map is still centred at a readable zoom', () => {
    const big = initialViewport({ bounds: box(0, 0, 6000, 3000), focus: box(0, 0, 10, 10), screen, textPx: 22 })
    expect(big.zoom * 22).toBeGreaterThanOrEqual(READABLE_TEXT_PX)
    expect(big.zoom).toBeCloseTo(READABLE_TEXT_PX / 22, 2)
    const none = initialViewport({ bounds: box(0, 0, 6000, 3000), focus: undefined, screen, textPx: 14 })
    expect(none.zoom * 14).toBeGreaterThanOrEqual(READABLE_TEXT_PX)
    expect(none.x + 3000 * none.zoom).toBeCloseTo(500)
  })
})

describe('mainClaim', () => {
  test('is the root most nodes lead to, whatever the order', () => {
    const links = [
      { source: 'a', target: 'thesis' },
      { source: 'b', target: 'a' },
      { source: 'c', target: 'thesis' },
      { source: 'd', target: 'question' },
    ]
    expect(mainClaim(['question', 'a', 'b', 'c', 'd', 'thesis'], links)).toBe('thesis')
    expect(mainClaim(['thesis', 'question', 'a', 'b', 'c', 'd'], [...links].reverse())).toBe('thesis')
  })

  test('a map with no relations opens on its first node; an empty one on nothing', () => {
    expect(mainClaim(['x', 'y'], [])).toBe('x')
    expect(mainClaim([], [])).toBeUndefined()
  })
})
