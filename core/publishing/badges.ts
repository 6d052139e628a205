import { evaluate } from '../evaluate'
import type { ArgumentMap } from '../graph'
import type { PublishedBadge } from './view'

/** Every node's evaluation badge, for a canvas drawn from a map rather than a live editor. */
export function badgesOf(map: ArgumentMap): Record<string, PublishedBadge> {
  const badges: Record<string, PublishedBadge> = {}
  for (const [id, e] of evaluate(map).nodes) badges[id] = { label: e.label, strength: e.strength, why: e.why }
  return badges
}
