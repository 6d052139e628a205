'use client'
import { useEffect, useState } from 'react'

type Listed = { id: string; title: string }

/**
 * Opens an article to pick quotes from, when no evidence points at one yet.
 * Offers the sources this map already cites and the ones the app ships.
 */
export function OpenSourceButton({ cited, onOpen }: { cited: string[]; onOpen: (id: string) => void }) {
  const [shipped, setShipped] = useState<Listed[]>([])
  useEffect(() => {
    let live = true
    fetch('/api/sources')
      .then((res) => (res.ok ? (res.json() as Promise<{ sources: Listed[] }>) : { sources: [] }))
      .then((body) => live && setShipped(body.sources))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  const options = [...shipped]
  for (const id of cited) if (!options.some((o) => o.id === id)) options.push({ id, title: id })
  const [picked, setPicked] = useState('')
  const chosen = picked || options[0]?.id
  if (!chosen) return null

  return (
    <div className="crux-open-source">
      {options.length > 1 && (
        <label>
          Source{' '}
          <select data-testid="open-source-choice" value={chosen} onChange={(e) => setPicked(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" data-testid="open-source" onClick={() => onOpen(chosen)}>
        Open source{options.length === 1 ? `: ${options[0]!.title}` : ''}
      </button>
    </div>
  )
}
