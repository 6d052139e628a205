import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseAif } from '@/core/convert/aif'
import { FIXTURES, ok } from './aifFixtures'

describe('parseAif: locutions, forces and OVA layouts from real files', () => {
  const corpus = (name: string) => readFileSync(path.join(FIXTURES, 'corpus', name), 'utf8')

  test('[AF3] the recorded participant names the speaker; a colon inside the words is never a split', () => {
    const file = {
      nodes: [
        { nodeID: 1, type: 'I', text: 'A is likely' },
        { nodeID: 2, type: 'L', text: 'Participant Rachel: the odds are 3 : 1 that A' },
        { nodeID: 3, type: 'YA', text: 'Asserting' },
        { nodeID: 4, type: 'I', text: 'B' },
        { nodeID: 5, type: 'L', text: 'the odds are 3 : 1 that B' },
        { nodeID: 6, type: 'YA', text: 'Hypothesising' },
        { nodeID: 7, type: 'I', text: 'C' },
        { nodeID: 8, type: 'L', text: `${'a long clause '.repeat(20)}: and then C` },
        { nodeID: 9, type: 'YA', text: 'Asserting' },
      ],
      edges: [
        { fromID: 2, toID: 3 },
        { fromID: 3, toID: 1 },
        { fromID: 5, toID: 6 },
        { fromID: 6, toID: 4 },
        { fromID: 8, toID: 9 },
        { fromID: 9, toID: 7 },
      ],
      locutions: [{ nodeID: 2, personID: 1 }, { nodeID: 5, personID: 2 }, { nodeID: 8 }],
      participants: [
        { participantID: 1, firstname: 'Participant', surname: 'Rachel' },
        { participantID: 2, firstname: 'Sam', surname: 'Lee' },
      ],
    }
    const result = ok(parseAif(file))
    const node = (id: string) => result.map.nodes.find((n) => n.id === id)!
    expect(node('1')).toMatchObject({
      text: 'A is likely',
      speaker: 'Participant Rachel',
      quote: 'the odds are 3 : 1 that A',
      force: 'Asserting',
    })
    // Sam Lee said it, but "the odds are 3" does not name him: the words stay whole.
    expect(node('4')).toMatchObject({
      text: 'B',
      speaker: 'Sam Lee',
      quote: 'the odds are 3 : 1 that B',
      force: 'Hypothesising',
    })
    // No participant and a prefix that is no name: no speaker, the words whole, and no rejection.
    expect(node('7').speaker).toBeUndefined()
    expect(node('7').quote).toBe(`${'a long clause '.repeat(20)}: and then C`.trim())
  })

  test('[AF2] an AIFdb nodeset: propositions as written, forces kept, locution words as quotes', () => {
    const result = ok(parseAif(corpus('aifdb-6064.json')))
    const node = (id: string) => result.map.nodes.find((n) => n.id === id)!
    expect(node('111829')).toMatchObject({
      text: 'McMillan was / was not wrong',
      quote: 'Was he wrong',
      speaker: 'CL',
      force: 'Pure Questioning',
    })
    expect(node('111833')).toMatchObject({
      text: 'By the 50s, the Empire is going',
      speaker: 'NL',
      force: 'Popular Conceding',
    })
  })

  test('[AF4] OVA3 coordinates written as strings place their nodes', () => {
    const result = ok(parseAif(corpus('arguebuf-xaif.json')))
    const node = (id: string) => result.map.nodes.find((n) => n.id === id)!
    expect(node('15_164926162804546033')).toMatchObject({
      x: 257,
      y: 275,
      pinned: true,
      text: 'B',
      speaker: 'Participant Rachel',
      quote: 'B',
    })
    expect(node('2_164926129380455983')).toMatchObject({ x: 273, y: 140, text: 'A', quote: 'A' })
  })

  test("[AF4] OVA's earlier save format: x/y on the AIF nodes themselves place them", () => {
    const result = ok(parseAif(corpus('ova3-repo-db-22303.json')))
    expect(result.map.nodes.every((n) => n.pinned)).toBe(true)
    // nodeID 7 is saved with string coordinates ("48", "212"), nodeID 2 with numbers.
    expect(result.map.nodes.find((n) => n.id === '7')).toMatchObject({ x: 48, y: 212 })
    expect(result.map.nodes.find((n) => n.id === '2')).toMatchObject({
      x: 137,
      y: 88,
      text: 'Lorem ipsum dolor sit amet',
    })
    // Its `scheme` holds AIFdb's scheme id: "72" on a Default Inference is the default, not a scheme named "72".
    expect(result.map.relations.filter((r) => r.scheme !== undefined || r.schemeId !== undefined)).toEqual([])
    // A plain AIFdb nodeset has no coordinates anywhere: nothing is pinned and nothing is reported about layout.
    const plain = ok(parseAif(corpus('aifdb-17919.json')))
    expect(plain.map.nodes.some((n) => n.pinned)).toBe(false)
    expect(plain.warnings.filter((w) => /layout|OVA position/.test(w.message))).toEqual([])
  })

  test('[AF4] a layout entry that cannot be read loses only itself, and unplaced nodes are reported', () => {
    const result = ok(
      parseAif({
        AIF: {
          nodes: [
            { nodeID: 1, type: 'I', text: 'a' },
            { nodeID: 2, type: 'I', text: 'b' },
          ],
          edges: [],
        },
        OVA: {
          nodes: [
            { nodeID: 1, x: '10', y: 20 },
            { nodeID: 2, x: 'left', y: 5 },
          ],
        },
      }),
    )
    expect(result.map.nodes.map((n) => [n.id, n.x, n.y, n.pinned])).toEqual([
      ['1', 10, 20, true],
      ['2', 280, 0, false],
    ])
    expect(result.warnings.map((w) => w.message)).toEqual([
      '1 OVA layout entry has no usable x/y; ignored',
      '1 I-node(s) have no usable OVA position; placed on a grid for auto-arrange',
    ])
  })
})
