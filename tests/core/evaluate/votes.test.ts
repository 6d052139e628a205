import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { evaluate, type Perspective } from '@/core/evaluate'
import type { ArgumentMap, Vote } from '@/core/graph'
import { addNode, addRelation, initDoc, localOrigin, readGraph, setVote } from '@/core/ydoc'
import { arbMap, attack, GROUPS, mapOf, node, USERS } from './arbitraries'

const vote = (nodeId: string, userId: string, value: number, group?: string): Vote =>
  group ? { nodeId, userId, value, group } : { nodeId, userId, value }

const baseOf = (map: ArgumentMap, id: string, perspective?: Perspective) =>
  evaluate(map, { perspective }).nodes.get(id)!.base

describe('votes and perspectives', () => {
  test('[VP1] a node nobody voted on has base 0.5', () => {
    expect(baseOf(mapOf(['a'], []), 'a')).toBe(0.5)
  })

  test('[VP2] base is the mean vote divided by 4', () => {
    const map = mapOf(['a'], [], [vote('a', 'ann', 4), vote('a', 'bob', 1)])
    expect(baseOf(map, 'a')).toBe(0.625)
  })

  test('[VP2] out-of-range votes from a buggy client are clamped', () => {
    const map = mapOf(['a'], [], [vote('a', 'ann', 9), vote('a', 'bob', -3)])
    expect(baseOf(map, 'a')).toBe(0.5)
  })

  test('[VP3] perspectives: everyone, one user, one group', () => {
    const map = mapOf(['a'], [], [vote('a', 'ann', 4, 'red'), vote('a', 'bob', 0, 'blue'), vote('a', 'cy', 2, 'red')])
    expect(baseOf(map, 'a', { kind: 'all' })).toBe(0.5)
    expect(baseOf(map, 'a', { kind: 'user', userId: 'ann' })).toBe(1)
    expect(baseOf(map, 'a', { kind: 'group', group: 'red' })).toBe(0.75)
    expect(baseOf(map, 'a', { kind: 'group', group: 'blue' })).toBe(0)
    expect(baseOf(map, 'a', { kind: 'user', userId: 'nobody' })).toBe(0.5)
  })

  test('[VP2][VP3] base equals the mean of exactly the counted votes (property)', () => {
    const perspectives: Perspective[] = [
      { kind: 'all' },
      ...USERS.map((userId): Perspective => ({ kind: 'user', userId })),
      ...GROUPS.map((group): Perspective => ({ kind: 'group', group })),
    ]
    fc.assert(
      fc.property(arbMap(), fc.constantFrom(...perspectives), (map, p) => {
        const ev = evaluate(map, { perspective: p })
        for (const n of map.nodes) {
          const counted = map.votes.filter(
            (v) =>
              v.nodeId === n.id &&
              (p.kind === 'all' || (p.kind === 'user' ? v.userId === p.userId : v.group === p.group)),
          )
          const want = counted.length ? counted.reduce((s, v) => s + v.value / 4, 0) / counted.length : 0.5
          expect(ev.nodes.get(n.id)!.base).toBeCloseTo(want, 12)
        }
      }),
      { numRuns: 200 },
    )
  })

  test('[VP3] a perspective changes strength, not the grounded label', () => {
    const map = mapOf(['a', 'b'], [attack('b', 'a')], [vote('b', 'ann', 4), vote('b', 'bob', 0)])
    const ann = evaluate(map, { perspective: { kind: 'user', userId: 'ann' } }).nodes.get('a')!
    const bob = evaluate(map, { perspective: { kind: 'user', userId: 'bob' } }).nodes.get('a')!
    expect(ann.strength).toBe(0) // b at full strength knocks a (base 0.5) down to 0
    expect(bob.strength).toBe(0.5) // b at 0 takes nothing away
    expect([ann.label, bob.label]).toEqual(['OUT', 'OUT'])
  })

  test('[VP4] concurrent votes from two replicas merge and both count', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const me = localOrigin()
    initDoc(a, 'merge', me)
    addNode(a, node('claim'), me)
    addNode(a, node('reason'), me)
    addRelation(a, attack('reason', 'claim'), me)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    // Offline on both sides, then exchange.
    setVote(a, { nodeId: 'reason', userId: 'ann', value: 4, group: 'red' }, me)
    setVote(b, { nodeId: 'reason', userId: 'bob', value: 2, group: 'blue' }, me)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const evA = evaluate(readGraph(a))
    const evB = evaluate(readGraph(b))
    expect(evA.nodes.get('reason')!.base).toBe(0.75)
    expect(evA.nodes.get('claim')!.strength).toBe(evB.nodes.get('claim')!.strength)
    expect(evaluate(readGraph(a), { perspective: { kind: 'group', group: 'blue' } }).nodes.get('reason')!.base).toBe(
      0.5,
    )
  })
})
