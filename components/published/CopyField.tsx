'use client'
import { useState } from 'react'

/** A read-only snippet with a copy button; the text stays selectable where the clipboard is blocked. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
      window.setTimeout(() => setCopied(false), 2000)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div>
      <label>
        <span className="visually-hidden">{label}</span>
        <textarea
          readOnly
          value={value}
          rows={3}
          cols={80}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <p>
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </p>
    </div>
  )
}
