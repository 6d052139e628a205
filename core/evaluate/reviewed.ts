import type { ArgumentMap } from '../graph'

/**
 * [FW3] What a teacher has not admitted takes no part in the evaluation: a
 * node pending review or rejected ([PM1] in core/permissions/SPEC.md) is left
 * out, with the relations and votes on it, and undercuts of those relations.
 * Returns the same map when nothing waits, so the common case costs nothing.
 */
export function admittedOnly(map: ArgumentMap): ArgumentMap {
  const out = new Set(map.nodes.filter((n) => n.review !== undefined).map((n) => n.id))
  if (out.size === 0) return map
  const cut = new Set(map.relations.filter((r) => out.has(r.source) || out.has(r.target)).map((r) => r.id))
  return {
    ...map,
    nodes: map.nodes.filter((n) => !out.has(n.id)),
    relations: map.relations.filter((r) => !cut.has(r.id) && !(r.kind === 'undercuts' && cut.has(r.target))),
    votes: (map.votes ?? []).filter((v) => !out.has(v.nodeId)),
  }
}
