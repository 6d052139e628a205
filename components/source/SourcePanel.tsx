'use client'
import './source.css'
import { useRef } from 'react'
import { findQuote } from '@/core/sources'
import { AddEvidenceBar, type NewEvidence } from './AddEvidenceBar'
import { SourceArticle } from './SourceArticle'
import { useSource } from './useSource'
import { useTextSelection } from './useTextSelection'

/** The quote of the selected evidence node, as stored on the node. */
export type QuoteRef = { quote?: string; quoteStart?: number; quoteEnd?: number; speaker?: string }

type Props = {
  sourceId: string
  /** Highlighted and scrolled to; absent when the article was opened to pick quotes. */
  quote?: QuoteRef
  onClose: () => void
  /** Absent for read-only people: "Add as evidence" is then shown disabled. */
  onAddEvidence?: (evidence: NewEvidence) => void
}

/** The article beside the map: the selected quote highlighted, and text selection turned into new evidence. */
export function SourcePanel({ sourceId, quote, onClose, onAddEvidence }: Props) {
  const state = useSource(sourceId)
  const articleRef = useRef<HTMLDivElement>(null)
  const source = state.status === 'ready' ? state.source : null
  const selected = useTextSelection(articleRef, source?.text ?? null)
  const match = source && quote ? findQuote(source.text, quote.quote, quote.quoteStart, quote.quoteEnd) : null

  return (
    <aside
      className="crux-source"
      data-testid="source-panel"
      aria-label={source ? `Source: ${source.meta.title}` : 'Source'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <header className="crux-source-head">
        <div>
          <h2>{source?.meta.title ?? 'Source'}</h2>
          {source && <p className="crux-source-publisher">{source.meta.publisher}</p>}
        </div>
        <button
          type="button"
          className="crux-source-close"
          data-testid="source-close"
          aria-label="Close the source"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {quote?.speaker && (
        <p className="crux-source-speaker" data-testid="source-speaker">
          Quoted: <strong>{quote.speaker}</strong>
        </p>
      )}
      {state.status === 'loading' && <p className="crux-hint">Loading the article…</p>}
      {state.status === 'error' && (
        <p role="alert" className="crux-error">
          {state.message}
        </p>
      )}
      {source && quote && !match && (
        <p role="status" className="crux-source-missing" data-testid="source-quote-missing">
          This quote is not in the article as written; check its wording.
        </p>
      )}
      {source && match?.how === 'search' && quote?.quoteStart !== undefined && (
        <p role="status" className="crux-hint">
          The stored offsets were stale; the quote was found by its words.
        </p>
      )}
      {source && <SourceArticle text={source.text} highlight={match} articleRef={articleRef} />}
      {source && selected && (
        <AddEvidenceBar
          key={`${selected.start}-${selected.end}`}
          source={source}
          span={selected}
          onAdd={onAddEvidence}
        />
      )}
      {source && !selected && (
        <p className="crux-hint crux-source-tip">Select words in the article to add them as evidence.</p>
      )}
    </aside>
  )
}
