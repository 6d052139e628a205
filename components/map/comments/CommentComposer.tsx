'use client'
import { useId, useLayoutEffect, useRef, useState } from 'react'
import {
  COMMENT_MAX,
  matchMentionables,
  mentionQuery,
  mentionsInBody,
  type Mentionable,
  type Visibility,
} from '@/core/comments'

type Result = { ok: true } | { ok: false; error: string }

type Props = {
  label: string
  submitLabel: string
  people: readonly Mentionable[]
  initial?: { body: string; mentions: readonly Mentionable[] }
  /** Offer the choice of who reads a new thread ([CM6]). */
  chooseVisibility?: boolean
  onSubmit(body: string, mentions: string[], visibility: Visibility): Promise<Result>
  onCancel?: () => void
  testId: string
}

/** A comment box: "@" offers the people with access to the map ([CM5]); the server has the last word. */
export function CommentComposer({
  label,
  submitLabel,
  people,
  initial,
  chooseVisibility,
  onSubmit,
  onCancel,
  testId,
}: Props) {
  const [text, setText] = useState(initial?.body ?? '')
  const [picked, setPicked] = useState<Mentionable[]>([...(initial?.mentions ?? [])])
  const [caret, setCaret] = useState(0)
  const [visibility, setVisibility] = useState<Visibility>('everyone')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLTextAreaElement>(null)
  const caretAfterRender = useRef<number | null>(null)
  const id = useId()
  const query = mentionQuery(text.slice(0, caret))
  const suggestions = query === null ? [] : matchMentionables(query, people)

  const pick = (p: Mentionable) => {
    const before = text.slice(0, caret).replace(/@[^\s@]*$/, `@${p.name} `)
    setText(before + text.slice(caret))
    setPicked((all) => (all.some((x) => x.id === p.id) ? all : [...all, p]))
    setCaret(before.length)
    caretAfterRender.current = before.length
    input.current?.focus()
  }
  // The caret goes after the inserted mention as soon as the new text is in the textarea, before the next
  // keystroke is handled: set later (a frame later, say), it would jump back over what was typed meanwhile.
  useLayoutEffect(() => {
    if (caretAfterRender.current === null) return
    input.current?.setSelectionRange(caretAfterRender.current, caretAfterRender.current)
    caretAfterRender.current = null
  }, [text])

  const submit = async () => {
    if (!text.trim() || busy) return
    setBusy(true)
    const result = await onSubmit(text, mentionsInBody(text, picked), visibility)
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setError(null)
    setText('')
    setPicked([])
  }

  return (
    <form
      className="crux-comment-composer"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={input}
        data-testid="comment-input"
        value={text}
        maxLength={COMMENT_MAX}
        rows={3}
        onChange={(e) => {
          setText(e.target.value)
          setCaret(e.target.selectionStart)
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault()
            void submit()
          }
          if (e.key === 'Escape' && onCancel) onCancel()
        }}
      />
      {suggestions.length > 0 && (
        <ul className="crux-mention-options" role="listbox" aria-label="Mention someone">
          {suggestions.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                role="option"
                aria-selected="false"
                data-testid="mention-option"
                onClick={() => pick(p)}
              >
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="crux-comment-actions">
        {chooseVisibility && (
          <select
            aria-label="Who reads it"
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as Visibility)}
            data-testid="comment-visibility"
          >
            <option value="everyone">Everyone on the map</option>
            <option value="teachers">Owners and people mentioned</option>
          </select>
        )}
        <span className="crux-hint">
          {text.length}/{COMMENT_MAX}
        </span>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" disabled={busy || !text.trim()} data-testid="comment-submit">
          {submitLabel}
        </button>
      </div>
      {error && (
        <p role="alert" className="crux-error">
          {error}
        </p>
      )}
    </form>
  )
}
