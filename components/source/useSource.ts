'use client'
import { useEffect, useState } from 'react'

/** What GET /api/sources/<id> returns; the fields the panel reads of content's SourceMeta. */
export type SourceDoc = {
  meta: { id: string; title: string; publisher: string; speakers: { id: string; name: string; role: string }[] }
  text: string
}

export type SourceState =
  { status: 'loading' } | { status: 'ready'; source: SourceDoc } | { status: 'error'; message: string }

// One request per id for the page's lifetime: selecting another quote of the same article must not refetch it.
const cache = new Map<string, Promise<SourceDoc>>()

function fetchSource(id: string): Promise<SourceDoc> {
  let pending = cache.get(id)
  if (!pending) {
    pending = fetch(`/api/sources/${encodeURIComponent(id)}`).then(async (res) => {
      if (!res.ok)
        throw new Error(
          res.status === 404 ? `There is no source “${id}”.` : `The source could not be loaded (${res.status}).`,
        )
      return (await res.json()) as SourceDoc
    })
    // A failed load may be retried the next time the panel opens.
    pending.catch(() => cache.delete(id))
    cache.set(id, pending)
  }
  return pending
}

export function useSource(id: string): SourceState {
  const [state, setState] = useState<{ id: string; value: SourceState }>({ id, value: { status: 'loading' } })
  useEffect(() => {
    let live = true
    fetchSource(id).then(
      (source) => live && setState({ id, value: { status: 'ready', source } }),
      (err: Error) => live && setState({ id, value: { status: 'error', message: err.message } }),
    )
    return () => {
      live = false
    }
  }, [id])
  // While a new id loads, never show the previous article under the new title.
  return state.id === id ? state.value : { status: 'loading' }
}
