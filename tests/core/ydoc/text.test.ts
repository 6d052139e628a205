import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { ArgNode } from '@/core/graph'
import {
  addNode,
  beginTextEdit,
  createUndoManager,
  localOrigin,
  nodesOf,
  readGraph,
  splice,
  updateNode,
} from '@/core/ydoc'

const me = localOrigin()
const node = (id: string, text: string): ArgNode => ({ id, kind: 'claim', text, x: 0, y: 0, pinned: false })
const textOf = (doc: Y.Doc, id: string) => readGraph(doc).nodes.find((n) => n.id === id)?.text

/** Two docs that start from the same node and exchange their updates later. */
function pair(text: string): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  addNode(a, node('n', text), me)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}

const isLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)

describe('node text merges character by character', () => {
  test('[TX1] two people rewording different parts of one node at once both keep their words', () => {
    const [a, b] = pair('Cities should make buses free')
    updateNode(a, 'n', { text: 'Big cities should make buses free' }, me)
    updateNode(b, 'n', { text: 'Cities should make buses free at night' }, me)
    sync(a, b)
    expect(textOf(a, 'n')).toBe('Big cities should make buses free at night')
    expect(textOf(b, 'n')).toBe(textOf(a, 'n'))
  })

  test('[TX2] a splice turns any text into any other, without splitting a character', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 24 })
    fc.assert(
      fc.property(text, text, (prev, next) => {
        const { start, removed, inserted } = splice(prev, next)
        expect(prev.slice(0, start) + inserted + prev.slice(start + removed)).toBe(next)
        // The kept prefix and suffix never end or start inside a surrogate pair.
        expect(isLoneSurrogate(prev.slice(0, start))).toBe(false)
        expect(isLoneSurrogate(prev.slice(start + removed))).toBe(false)
        expect(isLoneSurrogate(inserted)).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  test('[TX2] concurrent edits of one text converge, and neither side is left with a broken character', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 16 })
    fc.assert(
      fc.property(text, text, text, (start, mine, theirs) => {
        const [a, b] = pair(start)
        updateNode(a, 'n', { text: mine }, me)
        updateNode(b, 'n', { text: theirs }, me)
        sync(a, b)
        expect(textOf(a, 'n')).toBe(textOf(b, 'n'))
        expect(isLoneSurrogate(textOf(a, 'n')!)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  test('[TX5] a draft committed after someone else edited the text keeps their words', () => {
    const [a, b] = pair('Cities should make buses free')
    const draft = beginTextEdit(a, 'n')
    updateNode(b, 'n', { text: 'Cities should make buses free at night' }, me)
    sync(a, b)
    draft.commit('Big cities should make buses free', me)
    sync(a, b)
    expect(textOf(a, 'n')).toBe('Big cities should make buses free at night')
    expect(textOf(b, 'n')).toBe(textOf(a, 'n'))
  })

  test('[TX5] an insertion others made right at the edge of the replaced words survives', () => {
    const [a, b] = pair('Fares pay a third')
    const draft = beginTextEdit(a, 'n')
    updateNode(b, 'n', { text: 'Fares pay a third of costs' }, me)
    sync(a, b)
    draft.commit('Fares pay half', me)
    expect(textOf(a, 'n')).toBe('Fares pay half of costs')
  })

  test('[TX5] insertions two people typed at different places from one base both land where they were typed, in either commit order', () => {
    // Disjoint alphabets, so where each insertion went is never ambiguous.
    const base = fc.string({ unit: fc.constantFrom(...'abcdef '), maxLength: 20 })
    const insert = (letters: string) => fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(base, fc.nat(), fc.nat(), insert('XYZ'), insert('PQR'), fc.boolean(), (text, i, j, x, y, aFirst) => {
        const [p, q] = [i % (text.length + 1), j % (text.length + 1)].sort((m, n) => m - n) as [number, number]
        const [a, b] = pair(text)
        const mine = beginTextEdit(a, 'n')
        const theirs = beginTextEdit(b, 'n')
        const commits = [
          () => mine.commit(text.slice(0, p) + x + text.slice(p), me),
          () => theirs.commit(text.slice(0, q) + y + text.slice(q), me),
        ]
        const [first, second] = aFirst ? commits : commits.reverse()
        first!()
        sync(a, b)
        second!()
        sync(a, b)
        expect(textOf(a, 'n')).toBe(textOf(b, 'n'))
        // At one same place the order of the two is the CRDT's choice; elsewhere it is fixed.
        if (p < q) expect(textOf(a, 'n')).toBe(text.slice(0, p) + x + text.slice(p, q) + y + text.slice(q))
        else expect([x + y, y + x].map((both) => text.slice(0, p) + both + text.slice(p))).toContain(textOf(a, 'n'))
      }),
      { numRuns: 400 },
    )
  })

  test('[TX3] a doc written with plain-string text reads the same and becomes mergeable on its first edit', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      const record = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(node('old', 'Written before Y.Text'))) record.set(k, v)
      nodesOf(doc).set('old', record)
    })
    expect(textOf(doc, 'old')).toBe('Written before Y.Text')
    updateNode(doc, 'old', { text: 'Edited once' }, me)
    expect(nodesOf(doc).get('old')!.get('text')).toBeInstanceOf(Y.Text)
    expect(textOf(doc, 'old')).toBe('Edited once')
  })

  test('[TX4] undo puts back exactly the wording before the edit', () => {
    const doc = new Y.Doc()
    addNode(doc, node('n', 'Fares pay for a third'), me)
    const undo = createUndoManager(doc, me)
    updateNode(doc, 'n', { text: 'Fares pay for a third of the service' }, me)
    undo.undo()
    expect(textOf(doc, 'n')).toBe('Fares pay for a third')
    undo.redo()
    expect(textOf(doc, 'n')).toBe('Fares pay for a third of the service')
  })
})
