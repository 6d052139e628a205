'use client'
import { useState } from 'react'

/** Asked once per browser, inline (not window.prompt), and never blocking the map. */
export function NamePrompt({ initial, onSave }: { initial: string; onSave: (name: string) => void }) {
  const [name, setName] = useState(initial)
  return (
    <form
      className="crux-name-prompt"
      data-testid="name-prompt"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(name)
      }}
    >
      <label>
        Your name, as others will see it{' '}
        <input data-testid="name-input" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" data-testid="name-save">
        Save
      </button>
      <button type="button" onClick={() => onSave(initial)} aria-label={`Keep the name ${initial}`}>
        Keep “{initial}”
      </button>
    </form>
  )
}
