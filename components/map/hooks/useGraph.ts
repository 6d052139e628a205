'use client'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { emptyMap, type ArgumentMap } from '@/core/graph'
import { readGraph } from '@/core/ydoc'

/**
 * The map as plain data, re-read after every doc update (local or remote).
 * readGraph repairs what a merge can leave dangling, so the canvas never sees
 * a relation to a missing node.
 */
export function useGraph(doc: Y.Doc | null): ArgumentMap {
  const [graph, setGraph] = useState<ArgumentMap>(() => (doc ? readGraph(doc) : emptyMap('')))
  useEffect(() => {
    if (!doc) return
    const refresh = () => setGraph(readGraph(doc))
    refresh()
    doc.on('update', refresh)
    return () => doc.off('update', refresh)
  }, [doc])
  return graph
}
