import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  DUPLICATE_THRESHOLD,
  duplicatePairs,
  likelyDuplicates,
  normalize,
  stem,
  textSimilarity,
} from '@/core/duplicates'

/** The duplicate detector's rules ([DD1]–[DD4] in core/duplicates/SPEC.md). */
const word = fc.stringMatching(/^[a-z]{4,9}$/)
const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((w) => w.join(' '))

describe('duplicate detection', () => {
  test('[DD1] the score is symmetric, between 0 and 1, and 1 for the same text', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const ab = textSimilarity(a, b)
        expect(ab).toBeCloseTo(textSimilarity(b, a), 10)
        expect(ab).toBeGreaterThanOrEqual(0)
        expect(ab).toBeLessThanOrEqual(1 + 1e-9)
        expect(textSimilarity(a, a)).toBeGreaterThan(0.99)
      }),
    )
  })

  test('[DD1] case, accents, punctuation and plural endings do not matter', () => {
    expect(normalize('Lukashenko’s “NATO” Manœuvre!')).toBe('lukashenko s nato manœuvre')
    expect(new Set(['cooperating', 'cooperation', 'cooperate', 'cooperated'].map(stem)).size).toBe(1)
    expect(textSimilarity('Belarus was seen as a buffer zone.', 'BELARUS WAS SEEN AS BUFFER ZONES')).toBeGreaterThan(
      0.9,
    )
  })

  test('[DD2] a text and its negation are never likely duplicates, by a word or by a prefix', () => {
    fc.assert(
      fc.property(sentence, fc.nat(), (s, at) => {
        const w = s.split(' ')
        const i = at % w.length
        const negated = [...w.slice(0, i), 'not', ...w.slice(i)].join(' ')
        expect(textSimilarity(s, negated)).toBeLessThan(DUPLICATE_THRESHOLD)
      }),
    )
    expect(
      textSimilarity('Agreements with Russia are possible.', 'Agreements with Russia are impossible.'),
    ).toBeLessThan(DUPLICATE_THRESHOLD)
    expect(textSimilarity('We should tax sugary drinks', "We shouldn't tax sugary drinks")).toBeLessThan(
      DUPLICATE_THRESHOLD,
    )
    // Two negations cancel out.
    expect(
      textSimilarity('There is no security without Belarus', 'Security is not possible without Belarus'),
    ).toBeGreaterThan(textSimilarity('There is security without Belarus', 'Security is not possible without Belarus'))
  })

  test('[DD3] matches for a draft: best first, the node being typed left out, short drafts and short nodes skipped', () => {
    const nodes = [
      { id: 'a', text: 'Belarus was long considered a buffer zone of sorts.' },
      { id: 'b', text: 'Sweden is now joining NATO.' },
      { id: 'c', text: 'Belarus was considered a buffer zone.' },
      { id: 'd', text: 'ok' },
    ]
    const found = likelyDuplicates('Belarus was considered a buffer zone', nodes, { exclude: 'c' })
    expect(found.map((m) => m.id)).toEqual(['a'])
    expect(likelyDuplicates('Belarus was considered a buffer zone', nodes).map((m) => m.id)).toEqual(['c', 'a'])
    expect(likelyDuplicates('Belarus', nodes)).toEqual([])
    fc.assert(
      fc.property(
        sentence,
        fc.array(fc.record({ id: fc.uuid(), text: sentence }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (draft, ns, limit) => {
          const out = likelyDuplicates(draft, ns, { limit })
          expect(out.length).toBeLessThanOrEqual(limit)
          for (let i = 1; i < out.length; i++) expect(out[i - 1]!.score).toBeGreaterThanOrEqual(out[i]!.score)
          for (const m of out) expect(m.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD)
        },
      ),
    )
  })

  test('[DD4] duplicate pairs on a map: each pair once, exactly the pairs at or above the threshold', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 0, maxLength: 10 }), (texts) => {
        const nodes = texts.map((text, i) => ({ id: `n${i}`, text }))
        const pairs = duplicatePairs(nodes)
        const expected = new Set<string>()
        for (let i = 0; i < nodes.length; i++)
          for (let j = i + 1; j < nodes.length; j++)
            if (textSimilarity(nodes[i]!.text, nodes[j]!.text) >= DUPLICATE_THRESHOLD) expected.add(`n${i}|n${j}`)
        expect(new Set(pairs.map((p) => `${p.a}|${p.b}`))).toEqual(expected)
      }),
    )
  })
})
