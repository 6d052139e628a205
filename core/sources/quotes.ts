/**
 * Offsets between an article and the quotes taken from it. All offsets are
 * JavaScript string (UTF-16) indices into the source text, half-open
 * [start, end), the same convention as `quoteStart`/`quoteEnd` on nodes.
 */

export type Span = { start: number; end: number }

/** A paragraph of the source: one line of the file, without its line break. */
export type Paragraph = Span & { text: string }

/** A run of a paragraph that is either inside the highlight or not. */
export type Piece = Span & { text: string; highlighted: boolean }

/** Where a quote was found and how: its own offsets, or a search for its words. */
export type QuoteMatch = Span & { how: 'offsets' | 'search' }

/**
 * Locates a quote in the text. Stored offsets win when they still point at
 * exactly the quote; otherwise the quote is searched for, and of several
 * occurrences the one nearest the stored start is taken, so a quote whose
 * offsets went stale after an edit still lands on the right sentence.
 * Without a quote, valid offsets alone are trusted. Null: not in this text.
 */
export function findQuote(text: string, quote?: string, start?: number, end?: number): QuoteMatch | null {
  const offsetsValid = start !== undefined && end !== undefined && 0 <= start && start < end && end <= text.length
  if (!quote) return offsetsValid ? { start: start!, end: end!, how: 'offsets' } : null
  if (offsetsValid && text.slice(start, end) === quote) return { start: start!, end: end!, how: 'offsets' }
  let best = -1
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || (start !== undefined && Math.abs(at - start) < Math.abs(best - start))) best = at
    if (start === undefined) break
  }
  return best === -1 ? null : { start: best, end: best + quote.length, how: 'search' }
}

/** Splits the text at line breaks; empty lines are dropped but offsets stay exact. */
export function segmentText(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let start = 0
  for (const line of text.split('\n')) {
    const end = start + line.length
    // A CRLF file keeps its "\r" out of the rendered paragraph.
    const visibleEnd = line.endsWith('\r') ? end - 1 : end
    if (visibleEnd > start) out.push({ start, end: visibleEnd, text: text.slice(start, visibleEnd) })
    start = end + 1
  }
  return out
}

/** Cuts one paragraph into at most three pieces around the highlight. */
export function splitParagraph(paragraph: Paragraph, highlight: Span | null): Piece[] {
  const { start, end } = paragraph
  const piece = (from: number, to: number, highlighted: boolean): Piece => ({
    start: from,
    end: to,
    text: paragraph.text.slice(from - start, to - start),
    highlighted,
  })
  if (!highlight || highlight.end <= highlight.start || highlight.end <= start || highlight.start >= end)
    return [piece(start, end, false)]
  const from = Math.max(start, highlight.start)
  const to = Math.min(end, highlight.end)
  const out: Piece[] = []
  if (from > start) out.push(piece(start, from, false))
  out.push(piece(from, to, true))
  if (to < end) out.push(piece(to, end, false))
  return out
}

/** Narrows a selected range to drop surrounding white space (a drag often grabs a trailing space or line break). */
export function trimRange(text: string, start: number, end: number): Span {
  let s = Math.max(0, Math.min(start, end))
  let e = Math.min(text.length, Math.max(start, end))
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  return { start: s, end: e }
}
