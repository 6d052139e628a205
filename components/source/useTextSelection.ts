'use client'
import { useEffect, useState, type RefObject } from 'react'
import type { Span } from '@/core/sources'
import { selectionOffsets } from './selectionOffsets'

/** The source offsets of the text currently selected inside `root`, or null. */
export function useTextSelection(root: RefObject<HTMLElement | null>, text: string | null): Span | null {
  const [span, setSpan] = useState<Span | null>(null)
  useEffect(() => {
    if (text === null) return
    const update = () => {
      const next = root.current ? selectionOffsets(document.getSelection(), root.current, text) : null
      setSpan((prev) => (prev?.start === next?.start && prev?.end === next?.end ? prev : next))
    }
    update()
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [root, text])
  return text === null ? null : span
}
