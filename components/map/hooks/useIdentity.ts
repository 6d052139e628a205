'use client'
import { useCallback, useEffect, useState } from 'react'
import { newId } from '@/core/graph'

export type Identity = { id: string; name: string; color: string }

const NAME_KEY = 'crux.name'
const ID_KEY = 'crux.userId'

/** Dark enough for white label text (WCAG AA on #fff), distinct in hue. */
export const PRESENCE_PALETTE = ['#b91c1c', '#1d4ed8', '#047857', '#7e22ce', '#a16207', '#be185d', '#0e7490', '#4d7c0f'] as const

/** A stable colour per person: FNV-1a hash of the id into the palette. */
export function colorFor(id: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return PRESENCE_PALETTE[(h >>> 0) % PRESENCE_PALETTE.length]!
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null // storage disabled (private mode): identity lasts this tab only
  }
}
function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {}
}

/**
 * Who this browser is: a stable random id and a display name, both kept in
 * localStorage. `needsName` is true until the person has confirmed a name
 * once, which drives the small inline prompt.
 */
export function useIdentity() {
  const [identity, setIdentity] = useState<Identity | null>(null)
  const [needsName, setNeedsName] = useState(false)

  useEffect(() => {
    let id = readStorage(ID_KEY)
    if (!id) {
      id = newId('u')
      writeStorage(ID_KEY, id)
    }
    const stored = readStorage(NAME_KEY)
    const name = stored?.trim() || `Guest ${String(100 + Math.floor(Math.random() * 900))}`
    setIdentity({ id, name, color: colorFor(id) })
    setNeedsName(!stored)
  }, [])

  const setName = useCallback((raw: string) => {
    const name = raw.trim().slice(0, 60)
    setIdentity((me) => {
      const next = me && name ? { ...me, name } : me
      if (next) writeStorage(NAME_KEY, next.name)
      return next
    })
    setNeedsName(false)
  }, [])

  return { identity, needsName, setName }
}
