import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { buildFramework, evaluate } from '@/core/evaluate'
import { stronglyConnected } from '@/core/evaluate/scc'
import { repair, type ArgumentMap } from '@/core/graph'
import { arbMap, attack, mapOf, supports, undercut } from './arbitraries'

/** Adds what a CRDT merge can leave behind: dangling ends, self-loops, id clashes. */
const arbDirtyMap = fc
  .tuple(
    arbMap(),
    fc.array(fc.tuple(fc.constantFrom('attacks', 'supports', 'undercuts'), fc.nat(), fc.nat()), { maxLength: 6 }),
  )
  .map(([map, junk]): ArgumentMap => {
    const ids = [...map.nodes.map((n) => n.id), 'ghost', ...map.relations.map((r) => r.id)]
    const extra = junk.map(([kind, s, t], i) => ({
      id: i % 4 === 0 ? map.nodes[0]!.id : `junk${i}`, // sometimes clash with a node id
      kind,
      source: ids[s % ids.length]!,
      target: ids[t % ids.length]!,
    }))
    return { ...map, relations: [...map.relations, ...extra] }
  })

const summary = (map: ArgumentMap, repaired = false) => {
  const ev = evaluate(map, { repaired })
  // Through JSON so the lazily written `why` is compared too.
  return JSON.parse(
    JSON.stringify({
      nodes: [...ev.nodes].sort(([a], [b]) => a.localeCompare(b)),
      inferences: [...ev.inferences].sort(([a], [b]) => a.localeCompare(b)),
    }),
  )
}

describe('framework', () => {
  test('[FW1] evaluation ignores exactly what repair drops', () => {
    fc.assert(
      fc.property(arbDirtyMap, (map) => {
        expect(summary(map)).toEqual(summary(repair(map)))
      }),
      { numRuns: 300 },
    )
  })

  test('[FW1] a map already repaired evaluates the same when the repair checks are skipped', () => {
    fc.assert(
      fc.property(arbDirtyMap, (map) => {
        const clean = repair(map)
        expect(summary(clean, true)).toEqual(summary(map))
      }),
      { numRuns: 300 },
    )
  })

  test('[FW1] a duplicated node id counts once, as its first occurrence', () => {
    const map = mapOf(['a', 'b', 'c'], [attack('b', 'a')])
    map.nodes.push({ ...map.nodes[0]!, text: 'second a' }, { ...map.nodes[1]!, text: 'second b' })
    const fw = buildFramework(map)
    expect(fw.nodeIds).toEqual(['a', 'b', 'c'])
    expect(fw.nodeTexts).toEqual(['a', 'b', 'c'])
    expect([...fw.indexOf]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ])
    expect(evaluate(map).nodes.get('a')!.label).toBe('OUT')
  })

  test('[FW2] one inference argument per support, attacked by its undercutters only', () => {
    const map = mapOf(
      ['a', 'b', 'c', 'd'],
      [supports('b', 'a', 'p'), supports('c', 'a', 'q'), undercut('d', 'p'), attack('d', 'a')],
    )
    const fw = buildFramework(map)
    expect(fw.argCount).toBe(4 + 2)
    const p = fw.nodeCount + fw.supportIds.indexOf('p')
    const q = fw.nodeCount + fw.supportIds.indexOf('q')
    const attackers = (x: number) => Array.from(fw.attackIn.subarray(fw.attackInStart[x]!, fw.attackInStart[x + 1]!))
    expect(attackers(p)).toEqual([fw.indexOf.get('d')])
    expect(attackers(q)).toEqual([])
    expect(attackers(fw.indexOf.get('a')!)).toEqual([fw.indexOf.get('d')])
    // Supports attack nothing.
    expect(attackers(fw.indexOf.get('b')!)).toEqual([])
  })
})

describe('strongly connected components', () => {
  const arbGraph = fc
    .integer({ min: 1, max: 12 })
    .chain((n) => fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }).map((edges) => ({ n, edges })))

  function reach(n: number, edges: [number, number][]) {
    const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j))
    for (const [u, v] of edges) r[u]![v] = true
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (r[i]![k] && r[k]![j]) r[i]![j] = true
    return r
  }

  test('[DQ4] components are the mutually reachable sets, emitted dependencies first', () => {
    fc.assert(
      fc.property(arbGraph, ({ n, edges }) => {
        const start = new Int32Array(n + 1)
        for (const [u] of edges) start[u + 1]!++
        for (let i = 0; i < n; i++) start[i + 1]! += start[i]!
        const fill = start.slice(0, n)
        const items = new Int32Array(edges.length)
        for (const [u, v] of edges) items[fill[u]!++] = v
        const c = stronglyConnected(n, start, items)
        const r = reach(n, edges)
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(c.compOf[i] === c.compOf[j]).toBe(r[i]![j]! && r[j]![i]!)
        // An edge u -> v (u depends on v) means v's component is emitted no later than u's.
        for (const [u, v] of edges) expect(c.compOf[v]!).toBeLessThanOrEqual(c.compOf[u]!)
      }),
      { numRuns: 300 },
    )
  })
})
