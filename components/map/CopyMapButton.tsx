'use client'
import { useState, useTransition } from 'react'
import { copyMapAction } from '@/app/actions'

/**
 * "Make a copy": anyone who can view the map gets an editable copy of their
 * own (the server re-checks the right to view [PR11]). A full page load opens
 * the copy, so the editor starts afresh on the new map's document.
 */
export function CopyMapButton({ mapId }: { mapId: string }) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const copy = () =>
    startTransition(async () => {
      const result = await copyMapAction(mapId)
      if (result.ok) window.location.assign(`/maps/${result.id}`)
      else setError(result.error)
    })
  return (
    <>
      <button
        type="button"
        className="crux-copy"
        data-testid="copy-map"
        disabled={pending}
        onClick={copy}
        title="Make an editable copy of this map that you own"
      >
        {pending ? 'Copying…' : 'Make a copy'}
      </button>
      {error && (
        <span role="alert" className="crux-error" data-testid="copy-map-error">
          {error}
        </span>
      )}
    </>
  )
}
