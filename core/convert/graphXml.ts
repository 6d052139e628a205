import type { ArgNode, ArgumentMap, Relation } from '../graph'

/**
 * What GraphML (yEd) and draw.io exports share: XML escaping, box sizes,
 * colours by kind, and the reading of an undercut as an edge aimed at the
 * support it attacks.
 */

/** Text as XML character data or attribute value; characters XML 1.0 forbids are dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

export const BOX_WIDTH = 220

/** A box tall enough for its text at about 32 characters a line. */
export function boxHeight(text: string): number {
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 32)), 0)
  return Math.min(40 + 16 * lines, 400)
}

export const KIND_FILL: Record<ArgNode['kind'], string> = {
  claim: '#E3F2FD',
  argument: '#E8F5E9',
  objection: '#FFEBEE',
  evidence: '#FFF8E1',
  question: '#F3E5F5',
}

export const RELATION_STROKE: Record<Relation['kind'], string> = {
  supports: '#2E7D32',
  attacks: '#C62828',
  undercuts: '#EF6C00',
}

/** Relations whose ends exist: a support or attack joins two nodes; an undercut aims at a kept support. */
export function drawableRelations(map: ArgumentMap): {
  plain: Relation[]
  undercuts: { relation: Relation; support: Relation }[]
} {
  const nodes = new Set(map.nodes.map((n) => n.id))
  const plain = map.relations.filter(
    (r) => r.kind !== 'undercuts' && nodes.has(r.source) && nodes.has(r.target) && r.source !== r.target,
  )
  const supports = new Map(plain.filter((r) => r.kind === 'supports').map((r) => [r.id, r]))
  const undercuts = map.relations
    .filter((r) => r.kind === 'undercuts' && nodes.has(r.source) && supports.has(r.target))
    .map((relation) => ({ relation, support: supports.get(relation.target)! }))
  return { plain, undercuts }
}
