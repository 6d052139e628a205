'use client'
import { useEffect, useRef } from 'react'

type Keys = {
  enabled: boolean
  undo: () => void
  redo: () => void
  /** Enter on a single selected node edits it in place. */
  editSelected: () => boolean
}

function matches(target: EventTarget | null, selector: string): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.closest !== 'function') return false
  return el.isContentEditable || el.closest(selector) !== null
}
/** Fields own their keys (the browser's own undo in a text box, for one). */
const isTyping = (t: EventTarget | null) => matches(t, 'input, textarea, select, [contenteditable="true"]')
/** Enter on a focused button or link activates it; it must not also edit a node. */
const isActivatable = (t: EventTarget | null) => matches(t, 'button, a[href], summary')

/** Undo/redo and Enter-to-edit, never while the person types in a field. */
export function useEditorKeys(keys: Keys): void {
  const latest = useRef(keys)
  latest.current = keys
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const k = latest.current
      if (!k.enabled || isTyping(e.target)) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault()
        k.undo()
      } else if ((mod && key === 'z' && e.shiftKey) || (e.ctrlKey && key === 'y')) {
        e.preventDefault()
        k.redo()
      } else if (e.key === 'Enter' && !mod && !e.shiftKey && !e.altKey && !isActivatable(e.target)) {
        if (k.editSelected()) e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
