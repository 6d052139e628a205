import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseAif, serializeAif } from '@/core/convert/aif'
import { parseArgdown, relationId, serializeArgdown } from '@/core/convert/argdown'
import { problems, type ArgNode, type ArgumentMap, type PcsStep, type Relation } from '@/core/graph'

/**
 * The structures added for faithful interchange (titles, premise–conclusion
 * structures with rules, contradictions, forces, schemes), on random maps.
 */
const word = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -,.:;!?()éЖ+*_#@&'), minLength: 1, maxLength: 14 })
const title = word.map((t) => `T ${t.replace(/\s+/g, ' ').trim()}`.trim())
const text = fc
  .string({ unit: fc.constantFrom(...'abc XYZ 019-,.:;!?()[]<>{}#@*_/\\=é'), minLength: 1, maxLength: 30 })
  .map((t) => t.trim())
  .filter((t) => t !== '')
const rule = fc
  .string({ unit: fc.constantFrom(...'abcMP ().:-{}\\^'), minLength: 1, maxLength: 16 })
  .map((t) => t.replace(/\s+/g, ' ').trim())
  .filter((t) => t !== '' && !t.includes(','))

/** Statements s0..sN with titles, arguments a0..aM each with a valid structure over distinct statements. */
const mapWithStructures: fc.Arbitrary<ArgumentMap> = fc
  .record({
    statements: fc.uniqueArray(title, {
      minLength: 3,
      maxLength: 7,
      selector: (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    }),
    texts: fc.array(text, { minLength: 7, maxLength: 7 }),
    args: fc.array(
      fc.record({
        steps: fc.uniqueArray(fc.nat(6), { minLength: 2, maxLength: 4 }),
        rules: fc.array(rule, { maxLength: 2 }),
        intermediate: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    contradiction: fc.option(fc.tuple(fc.nat(6), fc.nat(6)), { nil: undefined }),
  })
  .map(({ statements, texts, args, contradiction }) => {
    const nodes: ArgNode[] = statements.map((t, i) => ({
      id: `s-${i}`,
      kind: 'claim',
      text: texts[i]!,
      x: 0,
      y: 0,
      pinned: false,
      title: t,
    }))
    const relations: Relation[] = []
    const add = (r: Omit<Relation, 'id'>) => {
      const id = relationId(r.kind, r.source, r.target)
      if (!relations.some((x) => x.id === id)) relations.push({ id, ...r })
    }
    args.forEach((a, k) => {
      const steps = a.steps.filter((i) => i < nodes.length && nodes[i]!.id.startsWith('s-'))
      if (steps.length < 2) return
      const pcs: PcsStep[] = steps.map((i) => ({ node: nodes[i]!.id }))
      pcs[pcs.length - 1]!.inference = { rules: a.rules }
      if (a.intermediate && pcs.length >= 3) pcs[1]!.inference = { rules: [] }
      const id = `a-${k}`
      nodes.push({ id, kind: 'argument', text: `argument ${k}`, x: 0, y: 0, pinned: false, title: `Arg ${k}`, pcs })
      pcs.forEach((s, j) =>
        add(
          j === pcs.length - 1
            ? { kind: 'supports', source: id, target: s.node }
            : { kind: 'supports', source: s.node, target: id },
        ),
      )
    })
    if (contradiction) {
      const [a, b] = contradiction.map((i) => `s-${i % statements.length}`) as [string, string]
      if (a !== b) {
        add({ kind: 'attacks', source: a, target: b, contradictory: true })
        add({ kind: 'attacks', source: b, target: a, contradictory: true })
      }
    }
    return { title: 'Structures', nodes, relations, votes: [] }
  })

const argdown = new ArgdownApplication()
argdown.addPlugin(new ParserPlugin(), 'parse-input')
argdown.addPlugin(new DataPlugin(), 'build-model')
argdown.addPlugin(new ModelPlugin(), 'build-model')

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

describe('titles, structures, contradictions', () => {
  test('[AD12] Argdown export and import keep every title, structure (steps, rules) and contradiction', () => {
    fc.assert(
      fc.property(mapWithStructures, (map) => {
        expect(problems(map)).toEqual([])
        const written = serializeArgdown(map)
        const back = parseArgdown(written)
        if (!back.ok) throw new Error(`${JSON.stringify(back.errors)}\n${written}`)
        expect(back.warnings.filter((w) => w.note === undefined)).toEqual([])
        expect(byId(back.map.nodes)).toEqual(byId(map.nodes))
        expect(byId(back.map.relations)).toEqual(byId(map.relations))
        // And @argdown/core itself reads one structure per argument, with its steps.
        const res = argdown.run({ input: written, process: ['parse-input', 'build-model'], logLevel: 'none' } as never)
        for (const n of map.nodes.filter((x) => x.pcs))
          expect(res.arguments?.[n.title!]?.pcs.length, written).toBe(n.pcs!.length)
      }),
      { numRuns: 150 },
    )
  })

  test('[AF1] AIF export and import keep titles, structures, forces, schemes and contradictions', () => {
    const withAifFields = mapWithStructures
      .chain((map) =>
        fc.tuple(
          fc.constant(map),
          fc.array(fc.constantFrom(undefined, 'Pure Questioning', 'Asserting', 'Hypothesising'), {
            minLength: map.nodes.length,
            maxLength: map.nodes.length,
          }),
          fc.array(fc.constantFrom(undefined, 'Argument From Expert Opinion', 'Argument From Analogy'), {
            minLength: map.relations.length,
            maxLength: map.relations.length,
          }),
        ),
      )
      .map(([map, forces, schemes]) => ({
        ...map,
        nodes: map.nodes.map((n, i) =>
          forces[i] ? { ...n, force: forces[i], speaker: 'Ana Ruiz', quote: `said ${i}` } : n,
        ),
        relations: map.relations.map((r, i) =>
          schemes[i] && r.kind === 'supports' ? { ...r, scheme: schemes[i] } : r,
        ),
      }))
    fc.assert(
      fc.property(withAifFields, (map) => {
        const back = parseAif(JSON.stringify(serializeAif(map)))
        if (!back.ok) throw new Error(JSON.stringify(back.errors))
        expect(back.warnings).toEqual([])
        expect(back.map.nodes).toEqual(byId(map.nodes))
        expect(back.map.relations).toEqual(byId(map.relations))
      }),
      { numRuns: 150 },
    )
  })
})
