import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseAif, serializeAif } from '@/core/convert/aif'
import type { ParseResult } from '@/core/convert/json'
import { ArgumentMapSchema, problems, type ArgumentMap } from '@/core/graph'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/aif')
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')
const json = (name: string): unknown => JSON.parse(text(name))

function ok(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`)
  expect(problems(result.map)).toEqual([])
  return result
}
const relationsOf = (map: ArgumentMap) => map.relations.map((r) => `${r.source} ${r.kind} ${r.target} #${r.id}`).sort()
const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1))
const warningFor = (result: { warnings: { message: string; at: string }[] }, at: string) =>
  result.warnings.filter((w) => w.at === at).map((w) => w.message)

describe('serializeAif', () => {
  const map = ArgumentMapSchema.parse(json('golden-map.json'))

  test('matches the checked-in golden AIF (deterministic ids, fixed timestamp)', () => {
    expect(serializeAif(map, { timestamp: '2024-01-01 12:00:00' })).toEqual(json('golden-map.aif.json'))
  })

  test('the same map in any order serializes identically', () => {
    const shuffled = { ...map, nodes: [...map.nodes].reverse(), relations: [...map.relations].reverse() }
    expect(serializeAif(shuffled)).toEqual(serializeAif(map))
  })

  test('support → RA, attack → CA, undercut → CA aimed at the RA; edges carry fromID/toID', () => {
    const aif = serializeAif(map)
    const byCrux = (id: string) => aif.nodes.find((n) => n.crux?.id === id)!
    const edge = (from: string, to: string) => aif.edges.some((e) => e.fromID === from && e.toID === to)
    const ra = byCrux('r3')
    expect(ra.type).toBe('RA')
    expect(edge(byCrux('study').nodeID, ra.nodeID) && edge(ra.nodeID, byCrux('air').nodeID)).toBe(true)
    const ca = byCrux('r2')
    expect(ca.type).toBe('CA')
    expect(edge(byCrux('shops').nodeID, ca.nodeID) && edge(ca.nodeID, byCrux('thesis').nodeID)).toBe(true)
    const undercut = byCrux('r4')
    expect(undercut.type).toBe('CA')
    expect(edge(byCrux('wind').nodeID, undercut.nodeID) && edge(undercut.nodeID, ra.nodeID)).toBe(true)
  })

  test('[AF1] evidence: the I-node says the proposition; an L-node with the quote and a locution say who said what', () => {
    const aif = serializeAif(map)
    const study = aif.nodes.find((n) => n.crux?.id === 'study')!
    expect(study.text).toBe('City air-quality report, 2023')
    const anchor = aif.edges.find((e) => e.toID === study.nodeID)!
    const ya = aif.nodes.find((n) => n.nodeID === anchor.fromID)!
    expect(ya.type).toBe('YA')
    const lId = aif.edges.find((e) => e.toID === ya.nodeID)!.fromID
    expect(aif.nodes.find((n) => n.nodeID === lId)!.text).toBe(
      'Dr. Ana Ruiz : Road traffic accounts for 61% of NO2 measured in the centre.',
    )
    expect(ya).toMatchObject({ text: 'Asserting', scheme: 'Asserting', schemeID: '74' })
    const loc = aif.locutions.find((l) => l.nodeID === lId)!
    expect(aif.participants.find((p) => p.participantID === loc.personID)).toEqual({
      participantID: loc.personID,
      firstname: 'Dr.',
      surname: 'Ana Ruiz',
    })
  })

  test('a Date timestamp is written in AIFdb format, UTC', () => {
    const aif = serializeAif(map, { timestamp: new Date(Date.UTC(2024, 1, 3, 4, 5, 6)) })
    expect(new Set(aif.nodes.map((n) => n.timestamp))).toEqual(new Set(['2024-02-03 04:05:06']))
  })
})

describe('parseAif: real-world shapes', () => {
  test('golden AIF back to the golden map, exactly', () => {
    const result = ok(parseAif(text('golden-map.aif.json')))
    const golden = ArgumentMapSchema.parse(json('golden-map.json'))
    expect(result.map).toEqual({ ...golden, nodes: sortById(golden.nodes), relations: sortById(golden.relations) })
    expect(result.warnings).toEqual([])
  })

  test('AIFdb export: speakers from "Speaker : words" locutions, dialogue layer reported', () => {
    const result = ok(parseAif(text('aifdb-export.json')))
    const node = (id: string) => result.map.nodes.find((n) => n.id === id)!
    expect(result.map.nodes.map((n) => n.id)).toEqual(['119929', '119932', '119938'])
    expect(node('119929')).toMatchObject({ kind: 'claim', text: 'we should tax sugary drinks', speaker: 'Ben Hart' })
    expect(node('119938')).toMatchObject({
      text: 'a sugar tax hits the poorest hardest',
      speaker: 'Cara Lowe',
      quote: 'taxes hit the poorest hardest',
    })
    expect(relationsOf(result.map)).toEqual(['119932 supports 119929 #119933', '119938 attacks 119929 #119939'])
    expect(result.warnings).toEqual([
      { message: '15 node timestamps have no Crux form; dropped', at: 'nodes' },
      {
        message: '2 TA node(s) (transitions between locutions) have no Crux equivalent; dropped',
        at: 'nodeID "119934", "119940"',
      },
      {
        message: '2 YA node(s) anchor no locution to an I-node (e.g. "Arguing" on an inference); dropped',
        at: 'nodeID "119935", "119941"',
      },
    ])
  })

  test('OVA3 save file: integer ids, participants, positions, linked premises, MA and PA', () => {
    const result = ok(parseAif(json('ova3-save.json')))
    const node = (id: string) => result.map.nodes.find((n) => n.id === id)!
    expect(result.map.nodes.map((n) => n.id)).toEqual(['3', '4', '5', '7', '9'])
    // The participant's full name wins over the shorter name in the L text.
    expect(node('3')).toMatchObject({
      speaker: 'Josephine Bloggs',
      quote: 'Nuclear power is the safest energy source we have',
      x: 400,
      y: 21,
    })
    expect(node('7')).toMatchObject({ speaker: 'Sam Lee', x: 760, y: 220 })
    expect(relationsOf(result.map)).toEqual([
      '4 supports 3 #6',
      '5 supports 3 #6-2',
      '7 attacks 3 #8',
      '9 supports 3 #10',
    ])
    expect(warningFor(result, 'nodeID "6"')).toEqual([
      'linked argument with 2 premises imported as 2 separate supports',
    ])
    expect(warningFor(result, 'nodeID "10"')).toEqual([
      'rephrase (MA) imported as a support from the rephrasing to the rephrased',
    ])
    expect(warningFor(result, 'nodeID "11"')).toEqual(['preference (PA) has no Crux equivalent; dropped'])
  })

  test('nested conflicts: CA on CA on CA, a CA on an RA, and a CA cycle with no I-node ends', () => {
    const result = ok(parseAif(json('nested-conflicts.json')))
    expect(relationsOf(result.map)).toEqual([
      'b attacks a #ca1',
      'c attacks b #ca2',
      'd attacks c #ca3',
      'e supports a #ra1',
      'f undercuts ra1 #ca4',
    ])
    expect(warningFor(result, 'nodeID "ca2"')).toEqual([
      'conflict on conflict "ca1" imported as an attack on its attacker(s) "b"',
    ])
    expect(warningFor(result, 'nodeID "ca3"')).toEqual([
      'conflict on conflict "ca2" imported as an attack on its attacker(s) "c"',
    ])
    for (const loop of ['loop1', 'loop2']) {
      expect(warningFor(result, `nodeID "${loop}"`)).toEqual([
        'conflict with 0 attacking I-node(s) and 1 target(s) dropped',
      ])
    }
  })

  test('ids that do not fit Crux ids are cleaned deterministically and stay unique', () => {
    const input = {
      nodes: [
        { nodeID: 'a b', text: 'one', type: 'I' },
        { nodeID: 'a_b', text: 'two', type: 'I' },
        { nodeID: 'x'.repeat(80), text: 'three', type: 'I' },
        { nodeID: 'ra:1', text: 'Default Inference', type: 'RA' },
      ],
      edges: [
        { edgeID: 1, fromID: 'a b', toID: 'ra:1' },
        { edgeID: 2, fromID: 'ra:1', toID: 'a_b' },
      ],
    }
    const result = ok(parseAif(input))
    expect(result.map.nodes.map((n) => n.id)).toEqual(['a_b', 'a_b-2', 'x'.repeat(56)])
    expect(relationsOf(result.map)).toEqual(['a_b supports a_b-2 #ra_1'])
    expect(ok(parseAif(input)).map).toEqual(result.map)
  })
})

describe('parseAif: broken files name the problem and create nothing', () => {
  test.each([
    ['broken-not-json.txt', [{ at: '$', message: /^not JSON: / }]],
    ['broken-missing-node.json', [{ at: 'edges[1].toID', message: /missing node "17"/ }]],
    [
      'broken-wrong-types.json',
      [
        { at: 'nodes[1].type', message: /type must be one of I, L, RA, CA, MA, PA, TA, YA/ },
        { at: 'nodes[2].nodeID', message: /./ },
        { at: 'edges', message: /array/ },
      ],
    ],
    ['broken-duplicate-ids.json', [{ at: 'nodes[1].nodeID', message: /duplicate nodeID "7"/ }]],
  ])('%s', (name, expected) => {
    const result = parseAif(text(name))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(expected.length)
    expected.forEach((e, i) => {
      expect(result.errors[i]!.at).toBe(e.at)
      expect(result.errors[i]!.message).toMatch(e.message)
    })
  })

  test('errors inside an OVA3 wrapper point into "AIF"', () => {
    const result = parseAif({ AIF: { nodes: [{ nodeID: 1, type: 'I', text: 'x' }], edges: [{ fromID: 1, toID: 9 }] } })
    expect(result).toEqual({
      ok: false,
      errors: [{ at: 'AIF.edges[0].toID', message: 'edge points to missing node "9"' }],
    })
  })

  test('a value that is no AIF at all', () => {
    expect(parseAif('[1, 2]')).toMatchObject({ ok: false, errors: [{ at: '$' }] })
    expect(parseAif({ hello: 'world' })).toMatchObject({ ok: false, errors: [{ at: 'nodes' }, { at: 'edges' }] })
  })

  test('[AF5] an I-node text longer than Crux allows is cut to fit, with a warning naming the node', () => {
    const result = ok(parseAif({ nodes: [{ nodeID: 5, type: 'I', text: 'x'.repeat(6000) }], edges: [] }))
    expect(result.map.nodes[0]!.text).toHaveLength(5000)
    expect(result.warnings).toEqual([{ message: 'text is 6000 characters; cut to 5000', at: 'nodeID "5"' }])
  })

  test('[AF5] a UTF-8 byte order mark before the JSON is accepted', () => {
    const result = ok(parseAif('\uFEFF' + JSON.stringify({ nodes: [{ nodeID: 1, type: 'I', text: 'a' }], edges: [] })))
    expect(result.map.nodes.map((n) => n.text)).toEqual(['a'])
  })

  test('[AF5] schemefulfillments and the analysed text are reported as dropped, in both save formats', () => {
    const aif = {
      nodes: [{ nodeID: 1, type: 'I', text: 'a' }],
      edges: [],
      schemefulfillments: [{ nodeID: 1, schemeID: '72' }],
    }
    const ova3 = ok(parseAif({ AIF: aif, text: 'the debate', OVA: { nodes: [] } }))
    const earlier = ok(parseAif({ ...aif, analysis: { txt: 'the debate' } }))
    for (const [result, textAt, fulfilmentsAt] of [
      [ova3, 'text', 'AIF.schemefulfillments'],
      [earlier, 'analysis.txt', 'schemefulfillments'],
    ] as const) {
      expect(result.warnings.map((w) => [w.at, w.message.split(' (')[0]])).toEqual([
        [textAt, 'the analysed source text'],
        [fulfilmentsAt, '1 schemefulfillments have no Crux form'],
      ])
    }
  })

  test('direct I → I edges and self-loops are reported, not silently dropped', () => {
    const result = ok(
      parseAif({
        nodes: [
          { nodeID: 1, type: 'I', text: 'a' },
          { nodeID: 2, type: 'I', text: 'b' },
        ],
        edges: [
          { fromID: 1, toID: 2 },
          { fromID: 2, toID: 2 },
        ],
      }),
    )
    expect(result.map.relations).toEqual([])
    expect(result.warnings.map((w) => w.at)).toEqual(['edges[0]', 'edges[1]'])
  })
})

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
