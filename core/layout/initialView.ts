/**
 * Where a map opens. Fitting the whole map is best while its text stays
 * readable; on a large map fitting shrinks node text to a few pixels, so the
 * view stops at the smallest zoom that keeps text readable and opens on the
 * main claim instead (the map can still be fitted with the Fit button).
 */

/** Smallest on-screen size, in CSS px, of node text at the first view. */
export const READABLE_TEXT_PX = 11

export type ViewBox = { x: number; y: number; width: number; height: number }
export type Viewport = { x: number; y: number; zoom: number }

export function initialViewport(input: {
  /** Bounds of all nodes, in flow coordinates. */
  bounds: ViewBox
  /** The node to open on when the whole map cannot be shown readably. */
  focus: ViewBox | undefined
  /** The canvas's size on screen. */
  screen: { width: number; height: number }
  /** Font size of node text at zoom 1. */
  textPx: number
  padding?: number
  maxZoom?: number
}): Viewport {
  const { bounds, focus, screen, textPx } = input
  const padding = input.padding ?? 0.2
  const maxZoom = input.maxZoom ?? 1.2
  // Rounded up: the transform React Flow writes is rounded, and 10.99997 px is not 11.
  const readable = Math.min(maxZoom, Math.ceil((READABLE_TEXT_PX / textPx) * 1000) / 1000)
  const fit = Math.min(
    maxZoom,
    screen.width / (bounds.width * (1 + 2 * padding) || 1),
    screen.height / (bounds.height * (1 + 2 * padding) || 1),
  )
  if (fit >= readable || !focus) {
    const zoom = Math.max(fit, readable)
    return centredOn(bounds, screen, zoom)
  }
  // The focus horizontally centred near the top: conclusions sit on top, their reasons below.
  const zoom = readable
  const margin = Math.min(48, screen.height * 0.1)
  return { x: screen.width / 2 - (focus.x + focus.width / 2) * zoom, y: margin - focus.y * zoom, zoom }
}

function centredOn(box: ViewBox, screen: { width: number; height: number }, zoom: number): Viewport {
  return {
    x: screen.width / 2 - (box.x + box.width / 2) * zoom,
    y: screen.height / 2 - (box.y + box.height / 2) * zoom,
    zoom,
  }
}

/**
 * The main claim: of the nodes that point at nothing (roots), the one the
 * most nodes lead to through relations; ties go to the earlier node.
 */
export function mainClaim(
  nodeIds: readonly string[],
  links: readonly { source: string; target: string }[],
): string | undefined {
  const into = new Map<string, string[]>()
  const pointsOut = new Set<string>()
  for (const l of links) {
    if (l.source === l.target) continue
    pointsOut.add(l.source)
    const list = into.get(l.target)
    if (list) list.push(l.source)
    else into.set(l.target, [l.source])
  }
  let best: { id: string; reach: number } | undefined
  for (const id of nodeIds) {
    if (pointsOut.has(id)) continue
    const seen = new Set([id])
    const stack = [id]
    while (stack.length > 0) {
      for (const from of into.get(stack.pop()!) ?? []) {
        if (!seen.has(from)) {
          seen.add(from)
          stack.push(from)
        }
      }
    }
    if (!best || seen.size > best.reach) best = { id, reach: seen.size }
  }
  return best?.id ?? nodeIds[0]
}
