import type { Size } from './boxes'

/** Used when the canvas has not measured a node yet (or in tests). */
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 90 }

const CHARS_PER_LINE = 30
const LINE_HEIGHT = 20

/**
 * A node's likely rendered size before any browser has measured it (server-side
 * layout of seeds and imports): header, wrapped text, quote and attribution.
 */
export function estimateNodeSize(node: { text: string; quote?: string; speaker?: string }): Size {
  const lines = (s: string | undefined) => (s ? Math.ceil(s.length / CHARS_PER_LINE) : 0)
  const body = lines(node.text) + lines(node.quote) + (node.speaker ? 1 : 0)
  return {
    width: DEFAULT_NODE_SIZE.width,
    height: Math.max(DEFAULT_NODE_SIZE.height, 50 + body * LINE_HEIGHT + (node.quote ? 12 : 0)),
  }
}
