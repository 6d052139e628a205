'use client'
import { useLayoutEffect, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useStoreApi } from '@xyflow/react'

type Store = ReturnType<typeof useStoreApi>

/** Calls `found` with React Flow's root element once it exists; returns an unsubscribe. */
function whenDomNode(store: Store, found: (domNode: Element) => void): () => void {
  const now = store.getState().domNode
  if (now) {
    found(now)
    return () => {}
  }
  const stop = store.subscribe((s) => {
    if (!s.domNode) return
    stop()
    found(s.domNode)
  })
  return stop
}

/**
 * Same as React Flow's EdgeLabelRenderer, minus its cost on big maps: that
 * one subscribes every edge to a store selector that runs a querySelector on
 * each store update, so dragging over a 1,000-edge map ran 1,000 DOM searches
 * per pointer move (the biggest item in the editor's drag profile). Here the
 * container is looked up once per edge, after mount, and the edge does not stay
 * subscribed to the store: every store update (several per drag frame) runs
 * every subscriber, and a big map already has thousands of them.
 */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const store = useStoreApi()
  const [container, setContainer] = useState<Element | null>(null)
  useLayoutEffect(
    () => whenDomNode(store, (domNode) => setContainer(domNode.querySelector('.react-flow__edgelabel-renderer'))),
    [store],
  )
  return container ? createPortal(children, container) : null
}

/**
 * A point on the label layer that centres what it holds: a zero-size flex
 * box at (x, y), positioned with left/top. Not React Flow's usual
 * `translate(-50%, -50%)`: on a 1,000-edge map every transformed label is one
 * more paint chunk, and layerizing them cost several ms of every frame.
 */
export function EdgeAnchor({ x, y, children }: { x: number; y: number; children: ReactNode }) {
  return (
    <div className="crux-edge-anchor" style={{ left: x, top: y }}>
      {children}
    </div>
  )
}
