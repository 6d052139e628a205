import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { loadSeedMaps, loadSource } from '@/content'
import { findQuote, segmentText, splitParagraph, trimRange } from '@/core/sources'

// Texts with paragraphs, blank lines, CRLF and non-BMP characters (two UTF-16 units each).
const articleText = fc
  .array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '“', '”', '😀', 'é'), { maxLength: 60 })
  .map((parts) => parts.join(''))

describe('segmentText', () => {
  test('each paragraph is the exact slice of the text at its offsets, with no line break inside', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        for (const p of segmentText(text)) {
          expect(text.slice(p.start, p.end)).toBe(p.text)
          expect(p.text).not.toMatch(/[\r\n]/)
          expect(p.text.length).toBeGreaterThan(0)
        }
      }),
    )
  })

  test('paragraphs cover every character except line breaks, in order', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const joined = segmentText(text)
          .map((p) => p.text)
          .join('')
        expect(joined).toBe(text.replace(/\r?\n/g, ''))
      }),
    )
  })

  test('the article splits into its lines', async () => {
    const { text } = await loadSource('belarus-nato')
    const paragraphs = segmentText(text)
    expect(paragraphs[0]!.text).toBe('Belarus - NATO')
    expect(paragraphs).toHaveLength(text.split('\n').filter((l) => l.length > 0).length)
  })
})

describe('splitParagraph', () => {
  const paragraphAndSpan = articleText
    .map((t) => `x${t.replace(/\r?\n/g, '')}`)
    .chain((text) =>
      fc.tuple(fc.constant(text), fc.nat(50), fc.nat({ max: text.length + 10 }), fc.nat({ max: text.length + 10 })),
    )

  test('the pieces rebuild the paragraph and exactly the overlap with the highlight is marked', () => {
    fc.assert(
      fc.property(paragraphAndSpan, ([text, offset, a, b]) => {
        const paragraph = { start: offset, end: offset + text.length, text }
        const highlight = { start: offset + Math.min(a, b), end: offset + Math.max(a, b) }
        const pieces = splitParagraph(paragraph, highlight)
        expect(pieces.map((p) => p.text).join('')).toBe(text)
        expect(pieces[0]!.start).toBe(paragraph.start)
        expect(pieces.at(-1)!.end).toBe(paragraph.end)
        for (const [i, p] of pieces.entries()) {
          expect(text.slice(p.start - offset, p.end - offset)).toBe(p.text)
          if (i > 0) expect(p.start).toBe(pieces[i - 1]!.end)
          const inside = p.start >= highlight.start && p.end <= highlight.end
          expect(p.highlighted).toBe(inside && p.end > p.start && highlight.end > highlight.start)
        }
        expect(pieces.filter((p) => p.highlighted).length).toBeLessThanOrEqual(1)
      }),
    )
  })

  test('no highlight leaves one plain piece', () => {
    expect(splitParagraph({ start: 3, end: 6, text: 'abc' }, null)).toEqual([
      { start: 3, end: 6, text: 'abc', highlighted: false },
    ])
  })
})

describe('findQuote', () => {
  test('valid offsets are used as they are', () => {
    expect(findQuote('one two one', 'one', 8, 11)).toEqual({ start: 8, end: 11, how: 'offsets' })
  })

  test('stale offsets fall back to the occurrence nearest the stored start', () => {
    expect(findQuote('one two one two one', 'one', 9, 12)).toEqual({ start: 8, end: 11, how: 'search' })
    expect(findQuote('one two one', 'one', 0, 2)).toEqual({ start: 0, end: 3, how: 'search' })
  })

  test('without offsets the first occurrence is taken', () => {
    expect(findQuote('ab one one', 'one')).toEqual({ start: 3, end: 6, how: 'search' })
  })

  test('a quote not in the text is reported as missing, whatever the offsets', () => {
    expect(findQuote('abc', 'zzz', 0, 3)).toBeNull()
    expect(findQuote('abc', 'zzz')).toBeNull()
  })

  test('offsets without a quote are trusted only inside the text', () => {
    expect(findQuote('abcdef', undefined, 1, 3)).toEqual({ start: 1, end: 3, how: 'offsets' })
    expect(findQuote('abcdef', undefined, 4, 9)).toBeNull()
    expect(findQuote('abcdef', undefined, 3, 3)).toBeNull()
  })

  test('whatever it returns is an occurrence of the quote', () => {
    fc.assert(
      fc.property(articleText, fc.nat(20), fc.nat(6), fc.option(fc.nat(80)), (text, from, len, hint) => {
        const quote = text.slice(from, from + len)
        const found = findQuote(text, quote, hint ?? undefined, hint === null ? undefined : hint + len)
        if (quote.length === 0) return
        expect(found).not.toBeNull()
        expect(text.slice(found!.start, found!.end)).toBe(quote)
      }),
    )
  })

  test('every seed evidence node is found at its own offsets', async () => {
    const { text } = await loadSource('belarus-nato')
    const evidence = (await loadSeedMaps()).flatMap((m) => m.map.nodes.filter((n) => n.kind === 'evidence'))
    expect(evidence.length).toBeGreaterThan(10)
    for (const n of evidence) {
      expect(findQuote(text, n.quote, n.quoteStart, n.quoteEnd)).toEqual({
        start: n.quoteStart,
        end: n.quoteEnd,
        how: 'offsets',
      })
    }
  })
})

describe('trimRange', () => {
  test('drops surrounding white space and keeps the inside untouched', () => {
    fc.assert(
      fc.property(articleText, fc.nat(70), fc.nat(70), (text, a, b) => {
        const { start, end } = trimRange(text, a, b)
        const lo = Math.min(a, b, text.length)
        const hi = Math.min(Math.max(a, b), text.length)
        expect(start).toBeGreaterThanOrEqual(Math.min(lo, end))
        expect(end).toBeLessThanOrEqual(hi)
        expect(text.slice(start, end)).toBe(text.slice(lo, hi).trim())
      }),
    )
  })
})
