'use client'
import { useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import type { ArgumentMap } from '@/core/graph'
import { unstack } from '@/core/layout'
import { DEFAULT_NODE_SIZE } from '@/core/layout/sizes'
import { moveNodes, type Origin } from '@/core/ydoc'

/** How long a node this editor added counts as fresh: long enough for a crossing add to arrive. */
const FRESH_MS = 10_000

/**
 * [PA11] Adds that cross on the wire can land on the same spot. Each editor
 * watches only its own fresh nodes and, when another node covers one, lets
 * core/layout's `unstack` decide (only the greater id moves), so both sides
 * agree without talking. Returns `markFresh`, called for each node added here.
 */
export function useUnstack(doc: Y.Doc | null, graph: ArgumentMap, origin: Origin): (id: string) => void {
  const fresh = useRef(new Map<string, number>())
  useEffect(() => {
    if (!doc || fresh.current.size === 0) return
    const now = Date.now()
    const boxes = graph.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, ...DEFAULT_NODE_SIZE }))
    const moves: Array<{ id: string; x: number; y: number }> = []
    for (const [id, at] of fresh.current) {
      const mine = boxes.find((b) => b.id === id)
      if (now - at > FRESH_MS || !mine) {
        if (now - at > FRESH_MS) fresh.current.delete(id)
        continue
      }
      const to = unstack(mine, boxes)
      if (to) moves.push({ id, ...to })
    }
    if (moves.length > 0) moveNodes(doc, moves, origin)
  }, [doc, graph, origin])
  return useCallback((id: string) => void fresh.current.set(id, Date.now()), [])
}
