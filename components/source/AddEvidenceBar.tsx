'use client'
import { useId, useState } from 'react'
import { MAX_QUOTE } from '@/core/graph'
import { inferSpeaker, type Span } from '@/core/sources'
import type { SourceDoc } from './useSource'

/** The fields of an evidence node taken from a selection in the article. */
export type NewEvidence = {
  quote: string
  quoteStart: number
  quoteEnd: number
  source: string
  speaker: string
  text: string
}

type Props = {
  source: SourceDoc
  span: Span
  /** Absent for people who may not edit the map. */
  onAdd?: (evidence: NewEvidence) => void
}

/** "Add as evidence" for the selected text, with the speaker it is attributed to. */
export function AddEvidenceBar({ source, span, onAdd }: Props) {
  const { meta, text } = source
  const quote = text.slice(span.start, span.end)
  const [speaker, setSpeaker] = useState(() => inferSpeaker(text, span, meta.speakers, meta.publisher))
  const selectId = useId()
  const tooLong = quote.length > MAX_QUOTE
  const why = !onAdd
    ? 'Only editors can add evidence'
    : tooLong
      ? `A quote holds at most ${MAX_QUOTE} characters`
      : undefined

  return (
    <div className="crux-source-add" role="group" aria-label="Add the selected text as evidence">
      <label htmlFor={selectId}>Speaker</label>
      <select id={selectId} data-testid="evidence-speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
        {meta.speakers.map((s) => (
          <option key={s.id} value={s.name} title={s.role}>
            {s.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="add-as-evidence"
        disabled={!!why}
        title={why}
        // Keep the text selection alive: a click would otherwise collapse it first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() =>
          onAdd?.({
            quote,
            quoteStart: span.start,
            quoteEnd: span.end,
            source: meta.id,
            speaker,
            text: summary(speaker, quote),
          })
        }
      >
        Add as evidence
      </button>
      {why && <p className="crux-hint">{why}.</p>}
    </div>
  )
}

/** A placeholder the author is expected to rewrite: who, and the first words. */
function summary(speaker: string, quote: string): string {
  const words = quote.split(/\s+/)
  const head = words.slice(0, 10).join(' ')
  return `${speaker.split(/\s+/).at(-1)}: “${head}${words.length > 10 ? '…' : ''}”`
}
