import type { Point } from './boxes'

/** How far a new node steps away from one already sitting where it would go. */
export const PLACEMENT_STEP = 32
const NEAR = 8
const MAX_STEPS = 50

/**
 * Where to put a node added "at the centre of the view": the centre itself
 * unless a node already sits there, then the first free diagonal step, so
 * pressing "add" repeatedly fans the nodes out instead of stacking them.
 * `size` is the new node's expected size; positions are top-left corners.
 */
export function placeNewNode(
  centre: Point,
  existing: ReadonlyArray<Point>,
  size: { width: number; height: number },
): Point {
  const start = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) }
  const taken = (p: Point) => existing.some((e) => Math.abs(e.x - p.x) < NEAR && Math.abs(e.y - p.y) < NEAR)
  for (let i = 0; i < MAX_STEPS; i++) {
    const p = { x: start.x + i * PLACEMENT_STEP, y: start.y + i * PLACEMENT_STEP }
    if (!taken(p)) return p
  }
  // A pile of 50 nodes on one diagonal: give up fanning and go past its end.
  return { x: start.x + MAX_STEPS * PLACEMENT_STEP, y: start.y + MAX_STEPS * PLACEMENT_STEP }
}
