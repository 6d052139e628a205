/** Axis-aligned rectangles: the little geometry auto-arrange and placement need. */

export type Size = { width: number; height: number }
export type Box = { id: string; x: number; y: number } & Size
export type Point = { x: number; y: number }

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  )
}

/** The mean translation taking each `from` onto its `to` (zero for no pairs). */
export function anchorOffset(pairs: ReadonlyArray<{ from: Point; to: Point }>): Point {
  if (pairs.length === 0) return { x: 0, y: 0 }
  let x = 0
  let y = 0
  for (const { from, to } of pairs) {
    x += to.x - from.x
    y += to.y - from.y
  }
  return { x: x / pairs.length, y: y / pairs.length }
}

/**
 * Slides boxes rightwards, top row first, until none touches an obstacle or a
 * box already settled. Only x changes, so the layering (who is above whom)
 * survives. Each slide moves strictly right past one settled box, so it ends.
 */
export function separateFromObstacles(boxes: ReadonlyArray<Box>, obstacles: ReadonlyArray<Box>, gap: number): Box[] {
  const settled: Box[] = [...obstacles]
  const order = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
  const out: Box[] = []
  for (const b of order) {
    const box = { ...b }
    for (let hit = settled.find((s) => overlaps(box, s)); hit; hit = settled.find((s) => overlaps(box, s))) {
      box.x = hit.x + hit.width + gap
    }
    settled.push(box)
    out.push(box)
  }
  return out
}
