'use client'
import { useEffect, useState } from 'react'

type Listed = { id: string; title: string }

/**
 * Opens an article to read or pick quotes from. A map offers the sources it cites, by name; a map that cites
 * none yet does not pretend to be about the app's own articles: it offers the library behind one more step.
 */
export function OpenSourceButton({ cited, onOpen }: { cited: string[]; onOpen: (id: string) => void }) {
  const [library, setLibrary] = useState<Listed[]>([])
  const [browsingLibrary, setBrowsingLibrary] = useState(false)
  useEffect(() => {
    let live = true
    fetch('/api/sources')
      .then((res) => (res.ok ? (res.json() as Promise<{ sources: Listed[] }>) : { sources: [] }))
      .then((body) => live && setLibrary(body.sources))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  const own = cited.map((id) => library.find((s) => s.id === id) ?? { id, title: id })
  const [picked, setPicked] = useState('')

  if (own.length === 0 && !browsingLibrary) {
    if (library.length === 0) return null
    return (
      <div className="crux-open-source">
        <button type="button" data-testid="quote-from-library" onClick={() => setBrowsingLibrary(true)}>
          Quote from an article…
        </button>
      </div>
    )
  }
  const options = own.length > 0 ? own : library
  const chosen = options.some((o) => o.id === picked) ? picked : options[0]?.id
  if (!chosen) return null
  return (
    <div className="crux-open-source">
      {options.length > 1 && (
        <label>
          {own.length > 0 ? 'Source' : 'Article'}{' '}
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
        Open {own.length > 0 ? 'source' : 'article'}
        {options.length === 1 ? `: ${options[0]!.title}` : ''}
      </button>
    </div>
  )
}
