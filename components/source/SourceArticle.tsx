'use client'
import { useEffect, useMemo, useRef, type RefObject } from 'react'
import { segmentText, splitParagraph, type Span } from '@/core/sources'

type Props = {
  text: string
  highlight: Span | null
  /** The article element, for mapping a text selection back to offsets. */
  articleRef: RefObject<HTMLDivElement | null>
}

/**
 * The article as plain React text, one paragraph per line of the source.
 * Each run carries its offsets (see selectionOffsets.ts), and the highlight
 * is a <mark> at exactly [start, end) of the source text.
 */
export function SourceArticle({ text, highlight, articleRef }: Props) {
  const paragraphs = useMemo(() => segmentText(text), [text])
  const firstMark = useRef<HTMLElement>(null)
  const from = highlight?.start
  const to = highlight?.end

  useEffect(() => {
    if (from !== undefined) firstMark.current?.scrollIntoView({ block: 'center' })
  }, [from, to, text])

  let marked = false
  return (
    <div
      ref={articleRef}
      className="crux-source-article"
      tabIndex={0}
      aria-label="Article text"
      data-testid="source-article"
    >
      {paragraphs.map((p) => (
        <p key={p.start} data-start={p.start}>
          {splitParagraph(p, highlight).map((piece) => {
            const attrs = { 'data-piece': '', 'data-start': piece.start, 'data-end': piece.end }
            if (!piece.highlighted)
              return (
                <span key={piece.start} {...attrs}>
                  {piece.text}
                </span>
              )
            // A quote over several paragraphs is several marks; the first is the one scrolled to.
            const first = !marked
            marked = true
            return (
              <mark key={piece.start} ref={first ? firstMark : undefined} data-testid="source-highlight" {...attrs}>
                {piece.text}
              </mark>
            )
          })}
        </p>
      ))}
    </div>
  )
}
