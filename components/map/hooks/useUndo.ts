'use client'
import { useCallback, useEffect, useState } from 'react'
import * as Y from 'yjs'
import { metaOf, nodesOf, relationsOf, votesOf, type Origin } from '@/core/ydoc'

/**
 * Undo that only ever reverts this editor's own transactions: the manager
 * tracks exactly one origin object, the one this editor passes to every op.
 * Remote changes arrive with the provider as origin and are left alone.
 */
export function useUndo(doc: Y.Doc | null, origin: Origin) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null)
  const [depth, setDepth] = useState({ undo: 0, redo: 0 })

  useEffect(() => {
    if (!doc) return
    // Votes too: a vote cast on the wrong node is a mistake like any other.
    const um = new Y.UndoManager([nodesOf(doc), relationsOf(doc), metaOf(doc), votesOf(doc)], {
      trackedOrigins: new Set([origin]),
    })
    const sync = () => setDepth({ undo: um.undoStack.length, redo: um.redoStack.length })
    um.on('stack-item-added', sync)
    um.on('stack-item-popped', sync)
    um.on('stack-cleared', sync)
    setManager(um)
    sync()
    return () => {
      um.destroy()
      setManager(null)
    }
  }, [doc, origin])

  const undo = useCallback(() => void manager?.undo(), [manager])
  const redo = useCallback(() => void manager?.redo(), [manager])
  /** Ends the current capture window so the next change is its own undo step. */
  const cut = useCallback(() => manager?.stopCapturing(), [manager])

  return { undo, redo, cut, canUndo: depth.undo > 0, canRedo: depth.redo > 0 }
}
