'use client'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { emptyMap, type ArgumentMap } from '@/core/graph'
import { createGraphReader, readGraph } from '@/core/ydoc'

/**
 * The map as plain data, re-read after every doc update (local or remote).
 * The reader repairs what a merge can leave dangling, so the canvas never
 * sees a relation to a missing node, and re-parses only what changed.
 */
export function useGraph(doc: Y.Doc | null): ArgumentMap {
  const [graph, setGraph] = useState<ArgumentMap>(() => (doc ? readGraph(doc) : emptyMap('')))
  useEffect(() => {
    if (!doc) return
    const reader = createGraphReader(doc)
    const refresh = () => setGraph(reader.read())
    refresh()
    doc.on('update', refresh)
    return () => {
      doc.off('update', refresh)
      reader.dispose()
    }
  }, [doc])
  return graph
}
