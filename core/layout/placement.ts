import { overlaps, type Box, type Point, type Size } from './boxes'

/** Grid spacing of the spots tried around the centre. */
export const PLACEMENT_STEP = 40
/** Space kept free around a new node. */
export const PLACEMENT_GAP = 16
const RINGS = 12

/** Offsets around the centre, nearest first: the spots a new node may take. */
const SPOTS: ReadonlyArray<Point> = (() => {
  const out: Point[] = []
  for (let dx = -RINGS; dx <= RINGS; dx++) for (let dy = -RINGS; dy <= RINGS; dy++) out.push({ x: dx, y: dy })
  // Nearest first; among equals, below before above (new premises and
  // objections sit under what they bear on), then left to right.
  return out.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || b.y - a.y || a.x - b.x)
})()

/**
 * Where to put a node added "at the centre of the view": the free spot
 * nearest the centre, so a new node never lands on (and hides) one already
 * there. `existing` are the nodes' boxes (measured sizes where known);
 * positions are top-left corners.
 */
export function placeNewNode(centre: Point, existing: ReadonlyArray<Omit<Box, 'id'>>, size: Size): Point {
  const start = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) }
  for (const spot of SPOTS) {
    const box = { id: '', x: start.x + spot.x * PLACEMENT_STEP, y: start.y + spot.y * PLACEMENT_STEP, ...size }
    if (!existing.some((e) => overlaps(box, { id: '', ...e }, PLACEMENT_GAP))) return { x: box.x, y: box.y }
  }
  // The view's neighbourhood is full: go below everything there.
  const bottom = Math.max(...existing.map((e) => e.y + e.height))
  return { x: start.x, y: bottom + PLACEMENT_GAP }
}
