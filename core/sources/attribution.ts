import { segmentText, type Span } from './quotes'

/**
 * Who is speaking at a place in an article: a best guess that only picks the
 * default of a speaker menu, so it prefers simple rules a reader can predict
 * over cleverness. Text outside quotation marks is the publisher's narration;
 * quoted text belongs to the named speaker nearest to where the quote opens
 * (or, for "…," said X, right after it closes).
 */

/** Quoted text, and where its quotation opened (a quote may run over several paragraphs). */
export type QuotedSpan = Span & { openedAt: number }

/** A straight quote opens after a space, a line start or a colon, and closes after anything else. */
function markAt(text: string, i: number, paragraphStart: number): 'open' | 'close' | null {
  const c = text[i]
  if (c === '“') return 'open'
  if (c === '”') return 'close'
  if (c !== '"') return null
  return i === paragraphStart || /[\s(:[—–-]/.test(text[i - 1]!) ? 'open' : 'close'
}

/**
 * The quoted stretches of the text. Articles continue a long quotation by
 * opening each new paragraph with a quote mark and never closing the one
 * before; a paragraph that closes a quotation it never opened is the tail of
 * the one before it.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = []
  let carried: number | null = null
  for (const p of segmentText(text)) {
    let depth = 0
    let spanStart = 0
    let openedAt = 0
    let resumable = carried !== null
    for (let i = p.start; i < p.end; i++) {
      const mark = markAt(text, i, p.start)
      if (mark === 'open') {
        if (depth === 0) {
          spanStart = i + 1
          openedAt = i === p.start && carried !== null ? carried : i
        }
        depth++
        resumable = false
      } else if (mark === 'close') {
        if (depth > 0) {
          depth--
          if (depth === 0) out.push({ start: spanStart, end: i, openedAt })
        } else if (resumable) {
          out.push({ start: p.start, end: i, openedAt: carried! })
          resumable = false
        }
      }
    }
    if (depth > 0) out.push({ start: spanStart, end: p.end, openedAt })
    carried = depth > 0 ? openedAt : null
  }
  return out
}

type Mention = Span & { speaker: string }

/** Each speaker's full name and surname, where they stand outside quotation marks. */
function mentions(text: string, speakers: readonly { name: string }[], quoted: QuotedSpan[]): Mention[] {
  const out: Mention[] = []
  const insideQuote = (at: number) => quoted.some((q) => q.start <= at && at < q.end)
  for (const { name } of speakers) {
    const forms = new Set([name, name.split(/\s+/).at(-1)!].filter((f) => f.length >= 3))
    for (const form of forms) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
        const end = at + form.length
        const bounded = !/\p{L}/u.test(text[at - 1] ?? '') && !/\p{L}/u.test(text[end] ?? '')
        if (bounded && !insideQuote(at)) out.push({ start: at, end, speaker: name })
      }
    }
  }
  return out
}

/**
 * The likeliest speaker of `range`: the name of one of `speakers`, or
 * `narrator` (the publisher) for narration and for quotes nobody is named
 * next to.
 */
export function inferSpeaker(
  text: string,
  range: Span,
  speakers: readonly { name: string }[],
  narrator: string,
): string {
  const quoted = quotedSpans(text)
  const span = quoted.find((q) => q.start <= range.start && range.start < q.end)
  if (!span) return narrator
  const paragraphs = segmentText(text)
  const paragraphOf = (at: number) => paragraphs.find((p) => p.start <= at && at <= p.end)
  const opening = paragraphOf(span.openedAt)
  const closing = paragraphOf(span.end)
  let best: { speaker: string; distance: number } | null = null
  for (const m of mentions(
    text,
    speakers.filter((s) => s.name !== narrator),
    quoted,
  )) {
    const before = opening && m.start >= opening.start && m.end <= span.openedAt ? span.openedAt - m.end : Infinity
    const after = closing && m.start >= span.end && m.end <= closing.end ? m.start - span.end : Infinity
    const distance = Math.min(before, after)
    if (distance < Infinity && (!best || distance < best.distance)) best = { speaker: m.speaker, distance }
  }
  return best?.speaker ?? narrator
}
