import { Position, type InternalNode } from '@xyflow/react'

/**
 * Where an edge attaches to a node: the centre of the handle's outer side,
 * which is where React Flow itself anchors edges. Falls back to the node's
 * top/bottom centre before handles are measured.
 */
export function handlePoint(node: InternalNode, type: 'source' | 'target'): { x: number; y: number } {
  const abs = node.internals.positionAbsolute
  const w = node.measured.width ?? 0
  const h = node.measured.height ?? 0
  const handle = node.internals.handleBounds?.[type]?.[0]
  if (!handle) return type === 'source' ? { x: abs.x + w / 2, y: abs.y } : { x: abs.x + w / 2, y: abs.y + h }
  const x = abs.x + handle.x + handle.width / 2
  return handle.position === Position.Top ? { x, y: abs.y + handle.y } : { x, y: abs.y + handle.y + handle.height }
}
