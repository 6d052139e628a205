import type { ArgumentMap } from '../graph'
import { autoArrange } from './elk'
import { estimateNodeSize } from './sizes'

/**
 * Gives a map positions when it has none (every node at the origin), as
 * Argdown and AIF files usually arrive; a map that was laid out is returned
 * unchanged.
 */
export async function withLayout(map: ArgumentMap): Promise<ArgumentMap> {
  if (map.nodes.some((n) => n.x !== 0 || n.y !== 0)) return map
  const sizes = new Map(map.nodes.map((n) => [n.id, estimateNodeSize(n)]))
  const placed = new Map((await autoArrange(map, sizes)).map((p) => [p.id, p]))
  return {
    ...map,
    nodes: map.nodes.map((n) => {
      const p = placed.get(n.id)
      return p ? { ...n, x: Math.round(p.x), y: Math.round(p.y) } : n
    }),
  }
}
