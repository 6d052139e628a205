'use client'
import { useLayoutEffect, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useStore } from '@xyflow/react'

const domNodeOf = (s: { domNode: Element | null }) => s.domNode

/**
 * Same as React Flow's EdgeLabelRenderer, minus its cost on big maps: that
 * one subscribes every edge to a store selector that runs a querySelector on
 * each store update, so dragging over a 1,000-edge map ran 1,000 DOM searches
 * per pointer move (the biggest item in the editor's drag profile). Here the
 * container is looked up once per edge, after mount.
 */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const domNode = useStore(domNodeOf)
  const [container, setContainer] = useState<Element | null>(null)
  useLayoutEffect(() => {
    setContainer(domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null)
  }, [domNode])
  return container ? createPortal(children, container) : null
}
