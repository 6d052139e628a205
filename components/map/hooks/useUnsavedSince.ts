'use client'
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/**
 * [DU2] The server's word that this map's edits are not reaching the
 * database: a state `{ server: { unsavedSince } }` in awareness (see
 * server/sync/saveSignal.ts). Null while saving. The stock client drops every
 * remote state when its socket closes, so "offline" replaces it by itself.
 */
export function unsavedSinceIn(states: Map<number, unknown>): number | null {
  let since: number | null = null
  for (const s of states.values()) {
    const t = (s as { server?: { unsavedSince?: unknown } } | null)?.server?.unsavedSince
    if (typeof t === 'number' && Number.isFinite(t) && (since === null || t < since)) since = t
  }
  return since
}

export function useUnsavedSince(provider: WebsocketProvider | null): number | null {
  const awareness = provider?.awareness ?? null
  const [since, setSince] = useState<number | null>(null)
  useEffect(() => {
    if (!awareness) return
    const refresh = () => setSince(unsavedSinceIn(awareness.getStates()))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return since
}
