import type { Size } from './boxes'

/** Used when the canvas has not measured a node yet (or in tests). */
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 90 }
