'use client'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { Requests, SharedView } from '@/core/presence/follow'
import type { Identity } from './mapSession'

type Point = { x: number; y: number }

/** The awareness state every client publishes (the app-wide contract). */
export type PresenceState = { user: Identity; cursor: Point | null; selection: string[] } & FollowState
/** Optional presence for following (components/map/follow): where one looks, and what one asks of everyone. */
export type FollowState = Requests & { view?: SharedView }
export type Peer = PresenceState & { clientId: number; isMe: boolean }

/** At most 20 cursor messages a second: smooth enough, cheap on the wire. */
export const CURSOR_INTERVAL_MS = 50

function isPresence(s: unknown): s is PresenceState {
  const u = (s as PresenceState | null)?.user
  return typeof u?.id === 'string' && typeof u.name === 'string' && typeof u.color === 'string'
}

/**
 * Cursors, names and selections travel in Yjs awareness, never in the doc:
 * they are ephemeral and vanish when a client goes away.
 */
export function usePresence(provider: WebsocketProvider | null, me: Identity | null, selection: string[]) {
  const awareness = provider?.awareness ?? null
  const [peers, setPeers] = useState<Peer[]>([])

  useEffect(() => {
    if (!awareness || !me) return
    awareness.setLocalStateField('user', me)
    if (!awareness.getLocalState()?.cursor) awareness.setLocalStateField('cursor', null)
  }, [awareness, me])

  const selectionKey = selection.join(',')
  useEffect(() => {
    awareness?.setLocalStateField('selection', selectionKey ? selectionKey.split(',') : [])
  }, [awareness, selectionKey])

  useEffect(() => {
    if (!awareness) return
    const refresh = () => {
      const out: Peer[] = []
      for (const [clientId, s] of awareness.getStates()) {
        if (isPresence(s))
          out.push({
            ...s,
            selection: s.selection ?? [],
            cursor: s.cursor ?? null,
            clientId,
            isMe: clientId === awareness.clientID,
          })
      }
      setPeers(out.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.clientId - b.clientId))
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])

  // Throttle: send now if the interval has passed, else once at its end.
  const pending = useRef<{ point: Point | null; timer: ReturnType<typeof setTimeout> | null; last: number }>({
    point: null,
    timer: null,
    last: 0,
  })
  const setCursor = useCallback(
    (point: Point | null) => {
      if (!awareness) return
      const p = pending.current
      p.point = point
      const send = () => {
        p.timer = null
        p.last = Date.now()
        awareness.setLocalStateField('cursor', p.point)
      }
      const wait = CURSOR_INTERVAL_MS - (Date.now() - p.last)
      if (point === null || wait <= 0) {
        if (p.timer) clearTimeout(p.timer)
        send()
      } else if (!p.timer) p.timer = setTimeout(send, wait)
    },
    [awareness],
  )
  useEffect(
    () => () => {
      if (pending.current.timer) clearTimeout(pending.current.timer)
    },
    [],
  )

  const others = useMemo(() => peers.filter((p) => !p.isMe), [peers])
  /** nodeId -> colours of the other people who have it selected. */
  // Keyed by content: cursors move many times a second, and a new Map here re-renders every node.
  const selectionsKey = others.map((p) => `${p.user.color}:${p.selection.join(',')}`).join('|')
  const remoteSelections = useMemo(() => {
    const m = new Map<string, string[]>()
    for (const p of others) for (const id of p.selection) m.set(id, [...(m.get(id) ?? []), p.user.color])
    return m
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content (above), not by the peers array
  }, [selectionsKey])

  return { peers, others, remoteSelections, setCursor }
}
