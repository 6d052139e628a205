import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, beginTextEdit, localOrigin, readGraph, setTitle, updateNode } from '@/core/ydoc'
import { wellFormed } from '@/core/ydoc/wellFormed'

const me = localOrigin()
/** Strings of arbitrary UTF-16 code units: lone surrogates of both halves included. */
const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 })
/** What UTF-8 (the wire and the database) makes of a string. */
const throughUtf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8')

/** A writer and a peer that receives every update as bytes, as over the wire. */
function pair() {
  const writer = new Y.Doc()
  const peer = new Y.Doc()
  writer.on('update', (u: Uint8Array) => Y.applyUpdate(peer, u))
  return { writer, peer }
}

describe('[DU7] one text for every replica', () => {
  test('[DU7] wellFormed survives UTF-8 unchanged, and leaves well-formed text alone', () => {
    fc.assert(
      fc.property(units, (s) => {
        const w = wellFormed(s)
        expect(throughUtf8(w)).toBe(w)
        expect(w).toHaveLength(s.length)
        expect(wellFormed(w)).toBe(w)
        if (throughUtf8(s) === s) expect(w).toBe(s)
      }),
    )
  })

  test('[DU7] writer, peer and a fresh load read the same node text and title, whatever code units were written', () => {
    fc.assert(
      fc.property(units, units, units, units, (first, second, third, title) => {
        const { writer, peer } = pair()
        addNode(writer, { id: 'n', kind: 'claim', text: first, x: 0, y: 0, pinned: false }, me)
        updateNode(writer, 'n', { text: second }, me)
        beginTextEdit(writer, 'n').commit(third, me)
        setTitle(writer, title, me)
        const loaded = new Y.Doc()
        Y.applyUpdate(loaded, Y.encodeStateAsUpdate(writer))
        const mine = readGraph(writer)
        expect(readGraph(peer)).toEqual(mine)
        expect(readGraph(loaded)).toEqual(mine)
        expect(mine.nodes[0]!.text).toBe(wellFormed(third))
        expect(mine.title).toBe(wellFormed(title))
      }),
      { numRuns: 150 },
    )
  })

  test('[DU7] a text ending in half of an emoji reads U+FFFD everywhere', () => {
    const { writer, peer } = pair()
    addNode(writer, { id: 'n', kind: 'claim', text: 'ok \ud83d', x: 0, y: 0, pinned: false }, me)
    expect(readGraph(writer).nodes[0]!.text).toBe('ok \ufffd')
    expect(readGraph(peer).nodes[0]!.text).toBe('ok \ufffd')
  })
})
