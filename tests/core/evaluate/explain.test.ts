import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { buildFramework, evaluate, groundedLabelling, UNDEC, undecidedCycles } from '@/core/evaluate'
import type { ArgumentMap } from '@/core/graph'
import { arbMap, attack, node, supports, undercut } from './arbitraries'

const titled = (texts: Record<string, string>, relations: ArgumentMap['relations']): ArgumentMap => ({
  title: 't',
  nodes: Object.entries(texts).map(([id, text]) => node(id, text)),
  relations,
  votes: [],
})

const why = (map: ArgumentMap, id: string) => evaluate(map).nodes.get(id)!.why

describe('explanations', () => {
  test('[EX1] OUT names the IN attacker', () => {
    const map = titled({ a: 'NATO must spend 2%', b: 'Sweden spends less than 2%' }, [attack('b', 'a')])
    expect(why(map, 'a')).toMatch(/^OUT: attacked by “Sweden spends less than 2%”, which is IN\./)
  })

  test('[EX4] the explanation survives JSON, for logs and workers', () => {
    const map = titled({ a: 'A', b: 'B' }, [attack('b', 'a')])
    const plain = JSON.parse(JSON.stringify(evaluate(map).nodes.get('a')))
    expect(plain).toEqual({ label: 'OUT', strength: 0.25, base: 0.5, attack: 0.5, support: 0, why: why(map, 'a') })
  })

  test('[EX4] nodes and inferences read like maps keyed by id', () => {
    const map = titled({ a: 'A', b: 'B', c: 'C' }, [attack('b', 'a'), supports('c', 'a', 'p')])
    const ev = evaluate(map)
    expect(ev.nodes.size).toBe(3)
    expect([...ev.nodes.keys()].sort()).toEqual(['a', 'b', 'c'])
    expect(ev.nodes.has('zzz')).toBe(false)
    expect(ev.nodes.get('zzz')).toBeUndefined()
    expect(ev.nodes.get('a')).toBe(ev.nodes.get('a')) // one view per node
    expect([...ev.nodes.values()].map((e) => e.label).sort()).toEqual(['IN', 'IN', 'OUT'])
    expect([...ev.inferences].map(([id, e]) => [id, e.label, e.strength])).toEqual([['p', 'IN', 1]])
    expect(JSON.parse(JSON.stringify(ev.nodes)).b.why).toMatch(/^IN: nothing attacks it\./)
  })

  test('[EX1] IN says nothing attacks it, or that every attacker is OUT', () => {
    const map = titled({ a: 'A', b: 'B', c: 'C' }, [attack('b', 'a'), attack('c', 'b')])
    expect(why(map, 'c')).toMatch(/^IN: nothing attacks it\./)
    expect(why(map, 'a')).toMatch(/^IN: every attacker is OUT \(“B”\)\./)
  })

  test('[EX1] many OUT attackers: two named, the rest counted', () => {
    const map = titled({ a: 'A', b: 'B', c: 'C', d: 'D', e: 'E', f: 'F', g: 'G', h: 'H' }, [
      attack('b', 'a'),
      attack('c', 'a'),
      attack('d', 'a'),
      attack('e', 'b'),
      attack('f', 'c'),
      attack('g', 'd'),
    ])
    expect(why(map, 'a')).toMatch(/^IN: every attacker is OUT \(“B”, “C” and 1 more\)\./)
  })

  test('[EX1] long texts are cut and blank texts fall back to the id', () => {
    const map = titled({ a: 'x', b: 'y'.repeat(100), c: '  ' }, [attack('b', 'a'), attack('c', 'b')])
    expect(why(map, 'b')).toContain('attacked by “c”')
    expect(why(map, 'a')).toContain(`“${'y'.repeat(39)}…”`)
  })

  test('[EX2] strength names the side that outweighs the other, with both numbers', () => {
    const map = titled({ a: 'A', b: 'B', c: 'C', d: 'D' }, [attack('b', 'a'), attack('c', 'a'), supports('d', 'a')])
    expect(why(map, 'a')).toContain('Strength 0.38 from base 0.50: attack 0.75 outweighs support 0.50.')
    expect(why(map, 'd')).toContain('Strength 0.50: its base score, nothing attacks or supports it.')
  })

  test('[EX3] a node on a cycle names its cycle in attack order', () => {
    const map = titled({ a: 'A', b: 'B', c: 'C' }, [attack('a', 'b'), attack('b', 'c'), attack('c', 'a')])
    expect(why(map, 'a')).toMatch(/^UNDEC: it sits on the attack cycle “.” → “.” → “.” → “.”, which nothing settles\./)
    expect(why(map, 'a')).toContain('“B” → “C” → “A” → “B”')
    const cycleText = why(map, 'b').match(/cycle (.*), which/)![1]!
    // Whatever member it starts from, each step of the text is an attack in the map.
    const names = cycleText.split(' → ').map((s) => s.slice(1, -1).toLowerCase())
    for (let i = 0; i + 1 < names.length; i++)
      expect(map.relations.some((r) => r.source === names[i] && r.target === names[i + 1])).toBe(true)
    expect(names[0]).toBe(names[names.length - 1])
  })

  test('[EX3] a node downstream of a cycle names the attacker and the cycle', () => {
    const map = titled({ a: 'A', b: 'B', t: 'T' }, [attack('a', 'b'), attack('b', 'a'), attack('b', 't')])
    expect(why(map, 't')).toMatch(
      /^UNDEC: attacked by “B”, left undecided by the attack cycle “[AB]” → “[AB]” → “[AB]”\./,
    )
  })

  test('[EX3] an undecided inference names the undercutter', () => {
    const map = titled({ a: 'A', b: 'B', s: 'S', t: 'T' }, [
      attack('a', 'b'),
      attack('b', 'a'),
      supports('s', 't', 'p'),
      undercut('b', 'p'),
    ])
    expect(evaluate(map).inferences.get('p')!.why).toMatch(/^UNDEC: undercut by “B”/)
  })

  test('[EX3] every UNDEC argument reaches a real cycle of UNDEC attacks', () => {
    fc.assert(
      fc.property(arbMap({ maxNodes: 12 }), (map) => {
        const fw = buildFramework(map)
        const g = groundedLabelling(fw)
        const u = undecidedCycles(fw, g)
        const attacks = (x: number, y: number) =>
          fw.attackIn.subarray(fw.attackInStart[y]!, fw.attackInStart[y + 1]!).includes(x)
        for (let a = 0; a < fw.argCount; a++) {
          if (g.label[a] !== UNDEC) continue
          const cycle = u.cycles[u.cycleOf[a]!]!
          expect(cycle.length).toBeGreaterThan(0)
          for (let i = 0; i < cycle.length; i++) {
            expect(g.label[cycle[i]!]).toBe(UNDEC)
            expect(attacks(cycle[i]!, cycle[(i + 1) % cycle.length]!)).toBe(true)
          }
          if (!u.onCycle[a]) expect(attacks(u.blame[a]!, a)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('[EX3] a long cycle shows four names and a count', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`)
    const map = titled(
      Object.fromEntries(ids.map((id) => [id, id.toUpperCase()])),
      ids.map((id, i) => attack(id, ids[(i + 1) % 10]!)),
    )
    expect(why(map, 'n0')).toMatch(/cycle “N\d” → “N\d” → “N\d” → “N\d” → … \(10 in all\)/)
  })
})
