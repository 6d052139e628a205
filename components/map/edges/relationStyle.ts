import type { RelationKind } from '@/core/graph'

/**
 * Kinds differ by line style and label as well as colour, so the map reads
 * the same in greyscale and for colour-blind viewers.
 */
export const RELATION_STYLE: Record<RelationKind, { color: string; dash?: string; label: string }> = {
  supports: { color: '#15803d', label: 'supports' },
  attacks: { color: '#dc2626', dash: '8 5', label: 'attacks' },
  undercuts: { color: '#ea580c', dash: '2 5', label: 'undercuts' },
}
