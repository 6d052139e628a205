'use client'
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { createUndoManager, type Origin } from '@/core/ydoc'

/** This editor's undo and redo, over createUndoManager (own transactions only), with its stack depths for the UI. */
export function useUndo(doc: Y.Doc | null, origin: Origin) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null)
  const [depth, setDepth] = useState({ undo: 0, redo: 0 })

  useEffect(() => {
    if (!doc) return
    const um = createUndoManager(doc, origin)
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
