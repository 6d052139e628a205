'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { diffMarks, type CheckpointMeta, type MapDiff, type RestoreResult } from '@/core/history'

type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: string }

/** What the history panel shows: the timeline, the diff being looked at (marked on the canvas), and the last restore. */
export function useHistoryView(mapId: string, open: boolean) {
  const base = `/api/maps/${encodeURIComponent(mapId)}/history`
  const [checkpoints, setCheckpoints] = useState<CheckpointMeta[]>([])
  const [diff, setDiff] = useState<{ from: string; to: string | null; diff: MapDiff } | null>(null)
  const [lastRestore, setLastRestore] = useState<RestoreResult | null>(null)
  const [loads, setLoads] = useState(0)
  const reload = useCallback(() => setLoads((n) => n + 1), [])

  useEffect(() => {
    if (!open) return
    let stale = false
    fetch(base, { cache: 'no-store', credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { checkpoints: CheckpointMeta[] } | null) => !stale && body && setCheckpoints(body.checkpoints))
      .catch(() => {})
    return () => {
      stale = true
    }
  }, [base, open, loads])

  const call = useCallback(
    async <T>(path: string, init?: { method: string; body: unknown }): Promise<Result<T>> => {
      const res = await fetch(`${base}${path}`, {
        credentials: 'same-origin',
        cache: 'no-store',
        ...(init
          ? { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }
          : {}),
      }).catch(() => null)
      if (!res) return { ok: false, error: 'Offline' }
      const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null
      if (!res.ok) return { ok: false, error: body?.error?.message ?? `Refused (${res.status})` }
      return { ok: true, value: body as T }
    },
    [base],
  )

  // Marked on the live canvas either way: nodes that are still there show how they differ.
  const marks = useMemo(() => (diff ? diffMarks(diff.diff) : undefined), [diff])

  return {
    checkpoints,
    diff,
    marks,
    lastRestore,
    reload,
    clearDiff: () => setDiff(null),
    async compare(from: string, to: string | null): Promise<Result> {
      const r = await call<MapDiff>(
        `/diff?from=${encodeURIComponent(from)}${to ? `&to=${encodeURIComponent(to)}` : ''}`,
      )
      if (r.ok) setDiff({ from, to, diff: r.value })
      return r
    },
    async name(name: string): Promise<Result> {
      const r = await call('', { method: 'POST', body: { name } })
      reload()
      return r
    },
    async restore(checkpointId: string, options: { nodes?: string[]; removeNewer: boolean }): Promise<Result> {
      const r = await call<RestoreResult>(`/${checkpointId}/restore`, { method: 'POST', body: options })
      if (r.ok) setLastRestore(r.value)
      setDiff(null)
      reload()
      return r
    },
    /** [HI3] Undo the last restore: the nodes it touched back to the checkpoint taken just before it. */
    async undoRestore(): Promise<Result> {
      if (!lastRestore) return { ok: false, error: 'Nothing to undo' }
      const r = await call(`/${lastRestore.before.id}/restore`, {
        method: 'POST',
        body: { nodes: lastRestore.touched, removeNewer: true },
      })
      if (r.ok) setLastRestore(null)
      reload()
      return r
    },
  }
}

export type HistoryView = ReturnType<typeof useHistoryView>
