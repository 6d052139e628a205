'use client'
import { useCallback, useState } from 'react'

/** The side panels that take the inspector's place, one at a time. */
export type PanelName = 'trash' | 'comments' | 'history' | 'dashboard'

export function usePanel() {
  const [open, setOpen] = useState<PanelName | null>(null)
  const toggle = useCallback((name: PanelName) => setOpen((o) => (o === name ? null : name)), [])
  const close = useCallback(() => setOpen(null), [])
  return { open, toggle, close }
}

export type PanelState = ReturnType<typeof usePanel>
