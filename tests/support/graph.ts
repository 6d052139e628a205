import type { ArgNode } from '@/core/graph'

/** A claim node at the origin, for tests that need a node and care only about its id and text. */
export const claim = (id: string, text = id): ArgNode => ({ id, kind: 'claim', text, x: 0, y: 0, pinned: false })
