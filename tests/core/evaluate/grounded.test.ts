import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { buildFramework, evaluate, groundedLabelling, IN, LABELS, OUT, UNDEC } from '@/core/evaluate'
import type { Framework } from '@/core/evaluate'
import { arbMap, attack, mapOf, supports, undercut } from './arbitraries'
import { inferenceKey, naiveGrounded } from './naive'

const labelsOf = (map: Parameters<typeof evaluate>[0]) =>
  Object.fromEntries([...evaluate(map).nodes].map(([id, e]) => [id, e.label]))

/** Grounded labels keyed like the naive reference: node ids and inference keys. */
function labelsByKey(fw: Framework, label: Uint8Array): Map<string, string> {
  const out = new Map<string, string>()
  for (let a = 0; a < fw.argCount; a++) {
    const key = a < fw.nodeCount ? fw.nodeIds[a]! : inferenceKey(fw.supportIds[a - fw.nodeCount]!)
    out.set(key, LABELS[label[a]!]!)
  }
  return out
}

const attackersOf = (fw: Framework, a: number) =>
  Array.from(fw.attackIn.subarray(fw.attackInStart[a]!, fw.attackInStart[a + 1]!))

describe('grounded labelling', () => {
  test('[GR2] an unattacked node is IN', () => {
    expect(labelsOf(mapOf(['a', 'b'], [supports('b', 'a')]))).toEqual({ a: 'IN', b: 'IN' })
  })

  test('[GR3] a node attacked by an IN node is OUT', () => {
    expect(labelsOf(mapOf(['a', 'b'], [attack('b', 'a')]))).toEqual({ a: 'OUT', b: 'IN' })
  })

  test('[GR4] a node whose attackers are all OUT is IN (reinstatement)', () => {
    const map = mapOf(['a', 'b', 'c'], [attack('c', 'b'), attack('b', 'a')])
    expect(labelsOf(map)).toEqual({ a: 'IN', b: 'OUT', c: 'IN' })
  })

  test('[GR4] a mutual attack leaves both UNDEC, and what they attack', () => {
    const map = mapOf(['a', 'b', 'c'], [attack('a', 'b'), attack('b', 'a'), attack('b', 'c')])
    expect(labelsOf(map)).toEqual({ a: 'UNDEC', b: 'UNDEC', c: 'UNDEC' })
  })

  test('[GR4] an odd cycle is UNDEC, an IN attacker still settles a node it reaches', () => {
    const map = mapOf(
      ['a', 'b', 'c', 'd', 'e'],
      [attack('a', 'b'), attack('b', 'c'), attack('c', 'a'), attack('c', 'd'), attack('e', 'd')],
    )
    expect(labelsOf(map)).toEqual({ a: 'UNDEC', b: 'UNDEC', c: 'UNDEC', d: 'OUT', e: 'IN' })
  })

  test('[FW2][GR6] an undercut attacks the inference, not the supported node', () => {
    const map = mapOf(['a', 's', 'u'], [supports('s', 'a', 'p'), undercut('u', 'p')])
    const ev = evaluate(map)
    expect(ev.inferences.get('p')!.label).toBe('OUT')
    expect(ev.nodes.get('a')!.label).toBe('IN')
    expect(ev.nodes.get('u')!.label).toBe('IN')
  })

  test('[GR6] an attacked undercutter reinstates the inference', () => {
    const map = mapOf(['a', 's', 'u', 'w'], [supports('s', 'a', 'p'), undercut('u', 'p'), attack('w', 'u')])
    expect(evaluate(map).inferences.get('p')!.label).toBe('IN')
  })

  test('[GR1] equals the least fixpoint of the characteristic function (naive reference)', () => {
    fc.assert(
      fc.property(arbMap({ maxNodes: 10 }), (map) => {
        const fw = buildFramework(map)
        expect(labelsByKey(fw, groundedLabelling(fw).label)).toEqual(naiveGrounded(map))
      }),
      { numRuns: 400 },
    )
  })

  test('[GR7] IN is conflict-free and admissible, and the labelling is complete', () => {
    fc.assert(
      fc.property(arbMap({ maxNodes: 10 }), (map) => {
        const fw = buildFramework(map)
        const { label } = groundedLabelling(fw)
        for (let a = 0; a < fw.argCount; a++) {
          const attackers = attackersOf(fw, a)
          const anyIn = attackers.some((b) => label[b] === IN)
          const allOut = attackers.every((b) => label[b] === OUT)
          if (label[a] === IN) {
            expect(anyIn).toBe(false) // conflict-free
            for (const b of attackers) expect(attackersOf(fw, b).some((c) => label[c] === IN)).toBe(true) // admissible
          }
          expect(label[a] === IN).toBe(allOut) // complete: IN iff all attackers OUT
          expect(label[a] === OUT).toBe(anyIn) // complete: OUT iff some attacker IN
          if (label[a] === UNDEC) expect(attackers.some((b) => label[b] === UNDEC)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('[GR5] a 200,000-node attack chain is labelled without recursion', () => {
    const n = 200_000
    const ids = Array.from({ length: n }, (_, i) => `c${i}`)
    const map = mapOf(
      ids,
      ids.slice(1).map((id, i) => attack(id, ids[i]!, `e${i}`)),
    )
    const fw = buildFramework(map)
    const { label } = groundedLabelling(fw)
    // The head of the chain (last id) is IN, then labels alternate down to c0.
    expect(label[n - 1]).toBe(IN)
    expect(label[0]).toBe(n % 2 === 1 ? IN : OUT)
    expect(label[1]).toBe(n % 2 === 1 ? OUT : IN)
  })

  test('[GR5] work grows linearly: 16x the arguments costs far less than 256x the time', () => {
    const chain = (n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `c${i}`)
      return buildFramework(
        mapOf(
          ids,
          ids.slice(1).map((id, i) => attack(id, ids[i]!, `e${i}`)),
        ),
      )
    }
    // Best of several runs: the least disturbed by GC and other work on the machine.
    const time = (fw: Framework) => {
      let best = Infinity
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now()
        groundedLabelling(fw)
        best = Math.min(best, performance.now() - t0)
      }
      return best
    }
    const small = chain(10_000)
    const big = chain(160_000)
    // Linear means ~16x, a quadratic fixpoint 256x; the wide margin absorbs a busy shared machine.
    expect(time(big) / time(small)).toBeLessThan(100)
  })
})
