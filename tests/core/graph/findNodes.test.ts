import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { findNodes, type ArgNode } from '@/core/graph'

const node = (id: string, text: string): ArgNode => ({ id, kind: 'claim', text, x: 0, y: 0, pinned: false })
const map = {
  nodes: [
    node('a', 'Belarus should join NATO'),
    node('b', 'Neutrality costs Belarus its sovereignty'),
    node('c', "Lukashenko's buffer strategy keeps Belarus out of every bloc"),
    node('d', 'NATO membership is a guarantee'),
  ],
}

describe('findNodes, the search behind "Connect…"', () => {
  test('every word of the query must start a word of the text, case and accents aside', () => {
    expect(findNodes(map, 'belarus nato').map((n) => n.id)).toEqual(['a'])
    expect(findNodes(map, 'LUKASH').map((n) => n.id)).toEqual(['c'])
    expect(findNodes(map, 'neutrálity').map((n) => n.id)).toEqual(['b'])
    expect(findNodes(map, 'elarus')).toEqual([]) // inside a word is not a match
  })

  test('texts the query starts come first, then shorter texts', () => {
    expect(findNodes(map, 'nato').map((n) => n.id)).toEqual(['d', 'a'])
  })

  test('an empty query lists every node but the excluded, in map order', () => {
    expect(findNodes(map, '  ', new Set(['b'])).map((n) => n.id)).toEqual(['a', 'c', 'd'])
  })

  test('property: results are exactly the matching, non-excluded nodes, each once', () => {
    const word = fc.constantFrom('belarus', 'nato', 'buffer', 'neutral', 'cost', 'sovereign', 'bloc')
    const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 12 }),
        fc.array(word, { maxLength: 2 }),
        fc.array(fc.nat(11)),
        (texts, query, excluded) => {
          const m = { nodes: texts.map((t, i) => node(`n${i}`, t)) }
          const exclude = new Set(excluded.map((i) => `n${i}`))
          const got = findNodes(m, query.join(' '), exclude).map((n) => n.id)
          const expected = m.nodes
            .filter((n) => !exclude.has(n.id) && query.every((q) => n.text.split(' ').some((w) => w.startsWith(q))))
            .map((n) => n.id)
          expect(new Set(got).size).toBe(got.length)
          expect([...got].sort()).toEqual([...expected].sort())
        },
      ),
    )
  })
})
