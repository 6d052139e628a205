'use client'
import { useEffect } from 'react'
import { useNodesInitialized, useReactFlow } from '@xyflow/react'
import { anchor } from '@/core/convert/markdown'
import { nodeIdFromHash } from './permalink'

/**
 * `#node-<id>` or `#<id>` in the address focuses that node: on load and on
 * every hash change the outline item scrolls into view, and the canvas
 * centres on the node and selects it.
 */
export function usePermalinkFocus(ids: ReadonlySet<string>, select: (ids: string[]) => void): void {
  const flow = useReactFlow()
  const initialized = useNodesInitialized()

  useEffect(() => {
    if (!initialized) return
    const focus = () => {
      const id = nodeIdFromHash(window.location.hash, ids)
      if (!id) return
      document.getElementById(anchor(id))?.scrollIntoView({ block: 'center' })
      select([id])
      void flow.fitView({ nodes: [{ id }], padding: 0.6, maxZoom: 1.2 }).then(() => {
        const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
        el?.focus({ preventScroll: true })
      })
    }
    // After the canvas's own first whole-map fit, which runs in the same commit.
    const first = window.setTimeout(focus, 0)
    window.addEventListener('hashchange', focus)
    return () => {
      window.clearTimeout(first)
      window.removeEventListener('hashchange', focus)
    }
  }, [initialized, ids, select, flow])
}
