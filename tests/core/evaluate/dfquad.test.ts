import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { aggregate, baseScores, buildFramework, combine, dfQuad, evaluate } from '@/core/evaluate'
import type { ArgumentMap } from '@/core/graph'
import fixtureJson from '@/tests/fixtures/evaluate/dfquad-examples.json'
import { arbMap, arbShuffled, attack, mapOf, node, supports, undercut } from './arbitraries'
import { naiveDfQuad } from './naive'

const score = z.number().min(0).max(1)
/** The fixture file is data like any other input: a typo in it must fail loudly, not read as undefined. */
const ExampleSchema = z.strictObject({
  name: z.string().min(1),
  rule: z.string().regex(/^DQ\d+$/),
  work: z.string().min(1),
  base: z.record(z.string(), score),
  attacks: z.array(z.tuple([z.string(), z.string()])).optional(),
  supports: z.array(z.tuple([z.string(), z.string(), z.string()])).optional(),
  undercuts: z.array(z.tuple([z.string(), z.string()])).optional(),
  strength: z.record(z.string(), score),
  inference: z.record(z.string(), score).optional(),
  tolerance: z.number().positive().optional(),
})
type Example = z.infer<typeof ExampleSchema>
const fixtures = z.looseObject({ examples: z.array(ExampleSchema).min(1) }).parse(fixtureJson)

function fromExample(ex: Example) {
  const map = mapOf(Object.keys(ex.base), [
    ...(ex.attacks ?? []).map(([s, t]) => attack(s, t)),
    ...(ex.supports ?? []).map(([id, s, t]) => supports(s, t, id)),
    ...(ex.undercuts ?? []).map(([s, p]) => undercut(s, p)),
  ])
  const fw = buildFramework(map)
  const base = Float64Array.from(fw.nodeIds, (id) => ex.base[id]!)
  return { fw, base, result: dfQuad(fw, base) }
}

/** Base scores the way evaluate computes them, for comparing with the naive reference. */
function basesOf(map: ArgumentMap) {
  const fw = buildFramework(map)
  const base = baseScores(fw.indexOf, fw.nodeCount, map.votes)
  return (id: string) => base[fw.indexOf.get(id)!]!
}

const strengths = (map: ArgumentMap) => new Map([...evaluate(map).nodes].map(([id, e]) => [id, e.strength]))

describe('DF-QuAD worked examples (tests/fixtures/evaluate/dfquad-examples.json)', () => {
  for (const ex of fixtures.examples) {
    test(`[${ex.rule}] ${ex.name}`, () => {
      const { fw, result } = fromExample(ex)
      const digits = ex.tolerance ? 7 : 12
      for (const [id, want] of Object.entries(ex.strength)) {
        expect(result.strength[fw.indexOf.get(id)!], id).toBeCloseTo(want, digits)
      }
      for (const [id, want] of Object.entries(ex.inference ?? {})) {
        expect(result.inference[fw.supportIds.indexOf(id)], id).toBeCloseTo(want, 12)
      }
      expect(result.converged).toBe(true)
    })
  }
})

describe('DF-QuAD', () => {
  test('[DQ1] strength starts from the vote-based base score', () => {
    const votes = [
      { nodeId: 'a', userId: 'ann', value: 3 },
      { nodeId: 'b', userId: 'ann', value: 2 },
    ]
    const ev = evaluate(mapOf(['a', 'b'], [attack('b', 'a')], votes))
    expect(ev.nodes.get('a')!.base).toBe(0.75)
    // 0.75 - 0.75 * 0.5: the attacker's own base is its strength.
    expect(ev.nodes.get('a')!.strength).toBe(0.375)
  })

  test('[DQ2] aggregation is the probabilistic sum, 0 when empty', () => {
    expect(aggregate([])).toBe(0)
    expect(aggregate([0.5, 0.5])).toBe(0.75)
    expect(aggregate([0.2, 1, 0.3])).toBe(1)
  })

  test('[DQ3] combination moves the base by the gap, in the direction of the stronger side', () => {
    expect(combine(0.4, 0.5, 0.5)).toBe(0.4)
    expect(combine(0.4, 0.75, 0.25)).toBeCloseTo(0.2, 12)
    expect(combine(0.4, 0.25, 0.75)).toBeCloseTo(0.7, 12)
  })

  test('[DQ4] an acyclic map needs no iteration', () => {
    const map = mapOf(['a', 'b', 'c'], [attack('b', 'a'), supports('c', 'b')])
    const { sweeps, cyclicComponents, converged } = evaluate(map)
    expect({ sweeps, cyclicComponents, converged }).toEqual({ sweeps: 0, cyclicComponents: 0, converged: true })
  })

  test('[DQ4] on acyclic maps the one-pass result equals naive global iteration', () => {
    fc.assert(
      fc.property(arbMap({ acyclic: true }), (map) => {
        const want = naiveDfQuad(map, basesOf(map))
        for (const [id, s] of strengths(map)) expect(s).toBeCloseTo(want.get(id)!, 12)
      }),
      { numRuns: 200 },
    )
  })

  test('[DQ6] on cyclic maps the component iteration agrees with naive global iteration when it converges', () => {
    fc.assert(
      fc.property(arbMap(), (map) => {
        const ev = evaluate(map)
        // Only cyclic maps speak to this rule; acyclic ones are [DQ4]'s.
        fc.pre(ev.cyclicComponents > 0)
        fc.pre(ev.converged && ev.sweeps <= 100) // the naive version has no averaging [DQ7]
        const want = naiveDfQuad(map, basesOf(map), 2000)
        for (const [id, e] of ev.nodes) expect(e.strength).toBeCloseTo(want.get(id)!, 6)
      }),
      { numRuns: 150 },
    )
  })

  test('[DQ5] a node that undercuts a support into itself depends on itself, and still settles', () => {
    const map = mapOf(['u', 's'], [supports('s', 'u', 'p'), undercut('u', 'p')])
    const ev = evaluate(map)
    expect(ev.cyclicComponents).toBe(1)
    expect(ev.converged).toBe(true)
    // u = 0.5 + 0.5 * 0.5 * (1 - u), so u = 0.75 / 1.25 = 0.6
    expect(ev.nodes.get('u')!.strength).toBeCloseTo(0.6, 8)
  })

  test('[DQ7] a cycle that cannot settle within the bound is reported', () => {
    const map = mapOf(
      ['a', 'b'],
      [attack('a', 'b'), attack('b', 'a')],
      [
        { nodeId: 'a', userId: 'u', value: 4 },
        { nodeId: 'b', userId: 'u', value: 4 },
      ],
    )
    const bounded = evaluate(map, { maxSweeps: 50 })
    expect(bounded.converged).toBe(false)
    expect(bounded.nodes.get('a')!.why).toContain('did not settle')
    const unbounded = evaluate(map)
    expect(unbounded.converged).toBe(true)
    expect(unbounded.nodes.get('a')!.strength).toBeCloseTo(0.5, 9)
  })

  test('[DQ8] strength stays in [0, 1] and a node without attackers or supporters keeps its base', () => {
    fc.assert(
      fc.property(arbMap(), (map) => {
        const ev = evaluate(map)
        const fw = buildFramework(map)
        for (const [id, e] of ev.nodes) {
          expect(e.strength).toBeGreaterThanOrEqual(0)
          expect(e.strength).toBeLessThanOrEqual(1)
          const i = fw.indexOf.get(id)!
          const lonely =
            fw.attackInStart[i] === fw.attackInStart[i + 1] && fw.supportInStart[i] === fw.supportInStart[i + 1]
          if (lonely) expect(e.strength).toBe(e.base)
        }
      }),
      { numRuns: 200 },
    )
  })

  const withNewChild = (kind: 'attacks' | 'supports') =>
    fc.tuple(arbMap({ acyclic: true }), fc.nat(), fc.integer({ min: 0, max: 4 })).map(([map, pick, vote]) => {
      const target = map.nodes[pick % map.nodes.length]!.id
      const child: ArgumentMap = {
        ...map,
        nodes: [...map.nodes, node('new')],
        relations: [...map.relations, { id: 'new-rel', kind, source: 'new', target }],
        votes: [...map.votes, { nodeId: 'new', userId: 'ann', value: vote }],
      }
      return { map, child, target }
    })

  test('[DQ8] adding a supporter never lowers the target', () => {
    fc.assert(
      fc.property(withNewChild('supports'), ({ map, child, target }) => {
        expect(strengths(child).get(target)!).toBeGreaterThanOrEqual(strengths(map).get(target)! - 1e-12)
      }),
      { numRuns: 300 },
    )
  })

  test('[DQ8] adding an attacker never raises the target', () => {
    fc.assert(
      fc.property(withNewChild('attacks'), ({ map, child, target }) => {
        expect(strengths(child).get(target)!).toBeLessThanOrEqual(strengths(map).get(target)! + 1e-12)
      }),
      { numRuns: 300 },
    )
  })

  test('[DQ8] the result does not depend on the order of nodes, relations or votes', () => {
    fc.assert(
      fc.property(
        arbMap().chain((map) => arbShuffled(map).map((shuffled) => ({ map, shuffled }))),
        ({ map, shuffled }) => {
          const a = evaluate(map)
          const b = evaluate(shuffled)
          expect(b.converged).toBe(a.converged)
          for (const [id, e] of a.nodes) {
            expect(b.nodes.get(id)!.strength).toBeCloseTo(e.strength, 7)
            expect(b.nodes.get(id)!.label).toBe(e.label)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  test('[DQ4] a 100,000-node support chain is evaluated without recursion', () => {
    const n = 100_000
    const ids = Array.from({ length: n }, (_, i) => `c${i}`)
    const map = mapOf(
      ids,
      ids.slice(1).map((id, i) => supports(id, ids[i]!, `e${i}`)),
    )
    const ev = evaluate(map)
    // Each link adds half of the remaining gap: s(k) = 0.5 + 0.5 s(k+1), which tends to 1.
    expect(ev.nodes.get(`c${n - 1}`)!.strength).toBe(0.5)
    expect(ev.nodes.get(`c${n - 2}`)!.strength).toBe(0.75)
    expect(ev.nodes.get('c0')!.strength).toBeCloseTo(1, 12)
    expect(ev.cyclicComponents).toBe(0)
  })
})
