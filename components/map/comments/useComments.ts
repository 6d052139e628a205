'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import {
  commentCounts,
  openThreads,
  type CommentTarget,
  type Mentionable,
  type ThreadView,
  type Visibility,
} from '@/core/comments'

/**
 * [CM7] The comments revision the server announces in its awareness state
 * (server/sync/saveSignal.ts); the highest one seen, 0 before any.
 */
export function commentsRevisionIn(states: Map<number, unknown>): number {
  let rev = 0
  for (const s of states.values()) {
    const r = (s as { server?: { comments?: unknown } } | null)?.server?.comments
    if (typeof r === 'number' && Number.isFinite(r) && r > rev) rev = r
  }
  return rev
}

export type CommentsApi = ReturnType<typeof useComments>

type Result = { ok: true } | { ok: false; error: string }

/**
 * The map's comment threads, fetched from the server when the editor opens
 * and again whenever the room announces a change ([CM7]), or after this
 * person's own change. The server decides what each person may read and do.
 */
export function useComments(mapId: string, provider: WebsocketProvider | null) {
  const [threads, setThreads] = useState<ThreadView[]>([])
  const [people, setPeople] = useState<Mentionable[]>([])
  const [revision, setRevision] = useState(0)
  const [loads, setLoads] = useState(0)
  const base = `/api/maps/${encodeURIComponent(mapId)}/comments`

  const awareness = provider?.awareness ?? null
  useEffect(() => {
    if (!awareness) return
    const refresh = () => setRevision(commentsRevisionIn(awareness.getStates()))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])

  useEffect(() => {
    let stale = false
    fetch(base, { credentials: 'same-origin', cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { threads: ThreadView[]; people: Mentionable[] } | null) => {
        if (stale || !body) return
        setThreads(body.threads)
        setPeople(body.people)
      })
      .catch(() => {})
    return () => {
      stale = true
    }
  }, [base, revision, loads])

  const call = useCallback(
    async (path: string, method: string, body?: unknown): Promise<Result> => {
      const res = await fetch(`${base}${path}`, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).catch(() => null)
      if (!res) return { ok: false, error: 'Offline: the comment was not sent' }
      setLoads((n) => n + 1)
      if (res.ok) return { ok: true }
      const err = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
      return { ok: false, error: err?.error?.message ?? `Refused (${res.status})` }
    },
    [base],
  )

  const counts = useMemo(() => commentCounts(threads), [threads])
  /** Fetches again now (e.g. the panel opened: people may have joined since, to be mentioned). */
  const refresh = useCallback(() => setLoads((n) => n + 1), [])
  const openCount = useMemo(() => openThreads(threads).length, [threads])
  return {
    threads,
    openCount,
    refresh,
    people,
    counts,
    start: (target: CommentTarget, body: string, mentions: string[], visibility: Visibility) =>
      call('', 'POST', { target, body, mentions, visibility }),
    reply: (threadId: string, body: string, mentions: string[]) => call(`/${threadId}`, 'POST', { body, mentions }),
    edit: (threadId: string, commentId: string, body: string, mentions: string[]) =>
      call(`/${threadId}/${commentId}`, 'PATCH', { body, mentions }),
    remove: (threadId: string, commentId: string) => call(`/${threadId}/${commentId}`, 'DELETE'),
    resolve: (threadId: string, resolved: boolean) => call(`/${threadId}`, 'PATCH', { resolved }),
  }
}
