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
export function placeNewNode(
  centre: Point,
  existing: ReadonlyArray<Omit<Box, 'id'>>,
  size: Size,
  person?: string,
): Point {
  const shift = person === undefined ? { x: 0, y: 0 } : personalOffset(person, size)
  const start = {
    x: Math.round(centre.x - size.width / 2 + shift.x),
    y: Math.round(centre.y - size.height / 2 + shift.y),
  }
  for (const spot of SPOTS) {
    const box = { id: '', x: start.x + spot.x * PLACEMENT_STEP, y: start.y + spot.y * PLACEMENT_STEP, ...size }
    if (!existing.some((e) => overlaps(box, { id: '', ...e }, PLACEMENT_GAP))) return { x: box.x, y: box.y }
  }
  // The view's neighbourhood is full: go below everything there.
  const bottom = Math.max(...existing.map((e) => e.y + e.height))
  return { x: start.x, y: bottom + PLACEMENT_GAP }
}

/** The cells around the centre, one node apart, a person's search may start from. */
const CELLS: ReadonlyArray<Point> = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: -1, y: 0 },
  { x: 0, y: 1 },
  { x: 0, y: -1 },
  { x: 1, y: 1 },
  { x: -1, y: 1 },
  { x: 1, y: -1 },
  { x: -1, y: -1 },
]

/**
 * [PA11] A stable cell per person (FNV-1a of their id): people who press
 * "add" at the same moment, at the same view, before either sees the other's
 * node, mostly start from different cells, so their nodes do not stack.
 */
export function personalOffset(person: string, size: Size): Point {
  let h = 0x811c9dc5
  for (let i = 0; i < person.length; i++) h = Math.imul(h ^ person.charCodeAt(i), 0x01000193)
  const cell = CELLS[(h >>> 0) % CELLS.length]!
  return { x: cell.x * (size.width + PLACEMENT_GAP), y: cell.y * (size.height + PLACEMENT_GAP) }
}

/**
 * [PA11] When two fresh nodes landed on each other anyway (same cell, adds
 * crossed on the wire), exactly one side moves: the node with the greater id
 * goes to the free spot nearest where it was. Each person runs this for their
 * own fresh nodes only, so both sides agree without talking. Returns the new
 * position, or null when `mine` may stay.
 */
export function unstack(mine: Box, others: ReadonlyArray<Box>): Point | null {
  const onMe = others.filter((o) => o.id !== mine.id && overlaps(mine, o))
  if (!onMe.some((o) => o.id < mine.id)) return null
  const centre = { x: mine.x + mine.width / 2, y: mine.y + mine.height / 2 }
  return placeNewNode(
    centre,
    others.filter((o) => o.id !== mine.id),
    mine,
  )
}
