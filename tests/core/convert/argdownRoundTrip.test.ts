import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseArgdown, serializeArgdown } from '@/core/convert/argdown'
import { NODE_KINDS, problems, type ArgNode, type ArgumentMap, type Relation } from '@/core/graph'

/** Characters that mean something to the Argdown lexer, YAML data or front matter. */
const SPECIAL = [
  ...'[]<>+-_#*{}:"\'\\/.,;()@=|`~!$%&?^',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '//',
  '<!--',
  '-->',
  ':smile:',
  '===',
  '} x',
  '\u2028',
  '\u00a0',
  '\ufeff',
]
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom('a', 'Ж', '😀', 'é')), maxLength: 20 }),
)
const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.stringMatching(/^[sa]-[a-z0-9]{1,8}(-[a-z0-9]{1,6})?$/),
)
const coordinate = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
)

const node = (nodeId: string) =>
  fc.record(
    {
      id: fc.constant(nodeId),
      kind: fc.constantFrom(...NODE_KINDS),
      text,
      x: coordinate,
      y: coordinate,
      pinned: fc.boolean(),
      quote: text,
      speaker: text,
      source: text,
      quoteStart: fc.nat(100_000),
      quoteEnd: fc.nat(100_000),
      analysis: fc.boolean(),
      paraphrase: fc.boolean(),
    },
    { requiredKeys: ['id', 'kind', 'text', 'x', 'y', 'pinned'] },
  ) as fc.Arbitrary<ArgNode>

/** Small valid maps, including several undercut supports per node and nodes undercutting their own support. */
const argumentMap: fc.Arbitrary<ArgumentMap> = fc
  .uniqueArray(id, { minLength: 0, maxLength: 7, selector: (s) => s })
  .chain((ids) =>
    fc.record({
      title: text,
      nodes: fc.tuple(...ids.map(node)),
      edges: fc.uniqueArray(
        fc.record({
          kind: fc.constantFrom('supports' as const, 'attacks' as const),
          s: fc.nat(Math.max(ids.length - 1, 0)),
          t: fc.nat(Math.max(ids.length - 1, 0)),
        }),
        { maxLength: 12, selector: (e) => `${e.kind}|${e.s}|${e.t}` },
      ),
      undercuts: fc.array(fc.record({ from: fc.nat(6), support: fc.nat(11) }), { maxLength: 6 }),
    }),
  )
  .map(({ title, nodes, edges, undercuts }) => {
    const relations: Relation[] = []
    edges.forEach((e, i) => {
      const source = nodes[e.s]?.id
      const target = nodes[e.t]?.id
      if (source && target && source !== target) relations.push({ id: `rel${i}`, kind: e.kind, source, target })
    })
    const supports = relations.filter((r) => r.kind === 'supports')
    undercuts.forEach((u, i) => {
      const support = supports[u.support % Math.max(supports.length, 1)]
      const from = nodes[u.from % Math.max(nodes.length, 1)]?.id
      if (!support || !from) return
      if (!relations.some((r) => r.kind === 'undercuts' && r.source === from && r.target === support.id)) {
        relations.push({ id: `und${i}`, kind: 'undercuts', source: from, target: support.id })
      }
    })
    return { title: title.slice(0, 200), nodes: nodes.map(fitNode), relations, votes: [] }
  })

function fitNode(n: ArgNode): ArgNode {
  const out = { ...n, speaker: n.speaker?.slice(0, 200), source: n.source?.slice(0, 200) }
  if (out.quoteStart !== undefined && out.quoteEnd !== undefined && out.quoteStart > out.quoteEnd) {
    ;[out.quoteStart, out.quoteEnd] = [out.quoteEnd, out.quoteStart]
  }
  for (const k of Object.keys(out) as (keyof ArgNode)[]) if (out[k] === undefined) delete out[k]
  return out
}

/** Relations by meaning: an undercut is named by the ends of the support it hits. */
function relationKeys(map: ArgumentMap): string[] {
  const byId = new Map(map.relations.map((r) => [r.id, r]))
  return map.relations
    .map((r) => {
      if (r.kind !== 'undercuts') return `${r.kind} ${r.source} ${r.target}`
      const s = byId.get(r.target)!
      return `undercuts ${r.source} (${s.source} ${s.target})`
    })
    .sort()
}

describe('serializeArgdown / parseArgdown', () => {
  test('[AD1] parse(serialize(m)) keeps title, nodes and relations of any small map', () => {
    fc.assert(
      fc.property(argumentMap, (map) => {
        expect(problems(map)).toEqual([])
        const text = serializeArgdown(map)
        const back = parseArgdown(text)
        if (!back.ok) throw new Error(`${JSON.stringify(back.errors)}\n${text}`)
        expect(back.warnings).toEqual([])
        expect(back.map.title).toBe(map.title)
        // [AD10] Positions travel for nodes a person placed; the others are laid out again.
        expect(back.map.nodes).toEqual(map.nodes.map((n) => (n.pinned ? n : { ...n, x: 0, y: 0 })))
        expect(relationKeys(back.map)).toEqual(relationKeys(map))
        expect(problems(back.map)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  test('[AD10] with allPositions every position travels', () => {
    fc.assert(
      fc.property(argumentMap, (map) => {
        const back = parseArgdown(serializeArgdown(map, { allPositions: true }))
        if (!back.ok) throw new Error(JSON.stringify(back.errors))
        expect(back.map.nodes).toEqual(map.nodes)
      }),
      { numRuns: 100 },
    )
  })

  test('[AD2] serializing is a fixed point: serialize(parse(serialize(m))) equals serialize(m)', () => {
    fc.assert(
      fc.property(argumentMap, (map) => {
        const once = serializeArgdown(map)
        expect(serializeArgdown(parseOk(once))).toBe(once)
      }),
      { numRuns: 100 },
    )
  })
})

function parseOk(text: string): ArgumentMap {
  const r = parseArgdown(text)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.map
}
