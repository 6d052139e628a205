import { describe, expect, test } from 'vitest'
import { parseAif } from '@/core/convert/aif'
import { ArgumentMapSchema, type ArgumentMap } from '@/core/graph'
import { json, ok, text } from './aifFixtures'

const relationsOf = (map: ArgumentMap) => map.relations.map((r) => `${r.source} ${r.kind} ${r.target} #${r.id}`).sort()
const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1))
const warningFor = (result: { warnings: { message: string; at: string }[] }, at: string) =>
  result.warnings.filter((w) => w.at === at).map((w) => w.message)

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
