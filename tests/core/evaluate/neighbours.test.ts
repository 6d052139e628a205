import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { evaluate } from '@/core/evaluate'
import { displayText, inferenceStatus, LABEL_MEANING, nodeNeighbours } from '@/core/evaluate/neighbours'
import type { ArgumentMap } from '@/core/graph'
import { arbMap, attack, mapOf, node, supports, undercut } from './arbitraries'

const named = (texts: Record<string, string>, relations: ArgumentMap['relations']): ArgumentMap => ({
  title: 't',
  nodes: Object.entries(texts).map(([id, text]) => node(id, text)),
  relations,
  votes: [],
})

describe('explain panel: neighbours', () => {
  test('[EX1] an OUT node lists the IN attacker that defeated it first', () => {
    // c attacks b, so b is OUT; d is IN and attacks a, so a is OUT through d, not b.
    const map = named({ a: 'Thesis', b: 'Weak objection', c: 'Rebuttal', d: 'Strong objection', e: 'Backing' }, [
      attack('b', 'a'),
      attack('c', 'b'),
      attack('d', 'a'),
      supports('e', 'a'),
    ])
    const ev = evaluate(map)
    const { attackers, supporters } = nodeNeighbours(map, ev, 'a')
    expect(ev.nodes.get('a')!.label).toBe('OUT')
    expect(attackers.map((r) => [r.nodeId, r.text, r.label])).toEqual([
      ['d', 'Strong objection', 'IN'],
      ['b', 'Weak objection', 'OUT'],
    ])
    expect(supporters.map((r) => [r.nodeId, r.relationId, r.inference])).toEqual([
      ['e', 'e-s-a', { label: 'IN', strength: 1 }],
    ])
  })

  test('[GR3][GR4] on any map, OUT nodes list an IN attacker first and IN nodes have none', () => {
    fc.assert(
      fc.property(arbMap(), (map) => {
        const ev = evaluate(map)
        for (const n of map.nodes) {
          const { attackers, supporters } = nodeNeighbours(map, ev, n.id)
          const into = (kind: string) => map.relations.filter((r) => r.kind === kind && r.target === n.id).length
          expect(attackers.length).toBe(into('attacks'))
          expect(supporters.length).toBe(into('supports'))
          const label = ev.nodes.get(n.id)!.label
          if (label === 'OUT') expect(attackers[0]!.label).toBe('IN')
          if (label === 'IN') expect(attackers.every((a) => a.label === 'OUT')).toBe(true)
          if (label === 'UNDEC') expect(attackers.some((a) => a.label === 'UNDEC')).toBe(true)
          for (const a of attackers) expect(a.strength).toBe(ev.nodes.get(a.nodeId)!.strength)
        }
      }),
    )
  })

  test("[DQ5] a support's inference reports its undercutters and is OUT when one stands", () => {
    const map = mapOf(
      ['a', 'b', 'u', 'v'],
      [supports('b', 'a', 'p'), undercut('u', 'p'), undercut('v', 'p'), attack('u', 'v')],
    )
    const status = inferenceStatus(map, evaluate(map), 'p')!
    expect(status.label).toBe('OUT')
    // Gradual [DQ5]: u (0.5) and v (0.5 attacked by u, so 0.25) leave 1 − F(0.5, 0.25) = 0.375.
    expect(status.strength).toBeCloseTo(0.375, 12)
    expect(status.supporter).toEqual({ id: 'b', text: 'b' })
    expect(status.target).toEqual({ id: 'a', text: 'a' })
    expect(status.undercutters.map((u) => [u.nodeId, u.label])).toEqual([
      ['u', 'IN'],
      ['v', 'OUT'],
    ])
    expect(status.why).toMatch(/^OUT: undercut by “u”/)
    expect(inferenceStatus(map, evaluate(map), 'u-u-p')).toBeNull()
  })

  test('labels have a plain meaning, and untitled nodes still get a name', () => {
    expect(Object.keys(LABEL_MEANING).sort()).toEqual(['IN', 'OUT', 'UNDEC'])
    expect(displayText({ kind: 'objection', text: '  ' })).toBe('(untitled objection)')
    expect(displayText({ kind: 'claim', text: 'Tax carbon' })).toBe('Tax carbon')
  })
})
