import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { evaluate } from '@/core/evaluate'
import { choosePerspective, perspectiveKey, perspectiveOptions, voteSummary } from '@/core/evaluate/perspectives'
import type { Vote } from '@/core/graph'
import { arbMap, GROUPS, mapOf, USERS } from './arbitraries'

const vote = (nodeId: string, userId: string, value: number, group?: string): Vote => ({ nodeId, userId, value, group })

describe('vote summary', () => {
  test('counts everyone, averages on the 0–4 scale and finds my vote', () => {
    const votes = [vote('a', 'ann', 4), vote('a', 'bob', 1), vote('b', 'ann', 0)]
    expect(voteSummary(votes, 'a', 'bob')).toEqual({ count: 2, mean: 2.5, mine: 1 })
    expect(voteSummary(votes, 'a', 'cy')).toEqual({ count: 2, mean: 2.5, mine: null })
    expect(voteSummary(votes, 'c', 'ann')).toEqual({ count: 0, mean: null, mine: null })
  })

  test("[VP2] the mean shown is the base score everyone's votes give, times 4", () => {
    fc.assert(
      fc.property(arbMap(), (map) => {
        const ev = evaluate(map)
        for (const n of map.nodes) {
          const s = voteSummary(map.votes, n.id, null)
          expect(s.count).toBe(map.votes.filter((v) => v.nodeId === n.id).length)
          expect(ev.nodes.get(n.id)!.base).toBeCloseTo(s.mean === null ? 0.5 : s.mean / 4, 12)
        }
      }),
    )
  })

  test('[VP3] with "only mine", a node I voted on starts from my vote alone', () => {
    fc.assert(
      fc.property(arbMap(), fc.constantFrom(...USERS), (map, me) => {
        const ev = evaluate(map, { perspective: { kind: 'user', userId: me } })
        for (const n of map.nodes) {
          const mine = voteSummary(map.votes, n.id, me).mine
          expect(ev.nodes.get(n.id)!.base).toBe(mine === null ? 0.5 : mine / 4)
        }
      }),
    )
  })

  test('[VP3] "only mine" moves a strength when my vote differs from the others\'', () => {
    const map = mapOf(['a'], [], [vote('a', 'ann', 4), vote('a', 'bob', 0)])
    expect(evaluate(map).nodes.get('a')!.strength).toBe(0.5)
    expect(evaluate(map, { perspective: { kind: 'user', userId: 'ann' } }).nodes.get('a')!.strength).toBe(1)
  })
})

describe('perspective menu', () => {
  test('Everyone, Only mine, then the groups of the votes and my own group, by name', () => {
    const votes = [vote('a', 'ann', 4, 'red'), vote('b', 'bob', 1, 'blue'), vote('b', 'cy', 2)]
    expect(perspectiveOptions(votes, 'ann', 'green').map((o) => o.label)).toEqual([
      'Everyone',
      'Only mine',
      'Group: blue',
      'Group: green',
      'Group: red',
    ])
    expect(perspectiveOptions(votes, null, null).map((o) => o.label)).toEqual(['Everyone', 'Group: blue', 'Group: red'])
  })

  test('keys are distinct and pick their own option back; an unknown key falls back to Everyone', () => {
    const arbVotes = fc.array(
      fc.record({
        nodeId: fc.constant('a'),
        userId: fc.string({ minLength: 1 }),
        value: fc.integer({ min: 0, max: 4 }),
        group: fc.option(fc.string(), { nil: undefined }),
      }),
    )
    fc.assert(
      fc.property(
        arbVotes,
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        (votes, me, group) => {
          const options = perspectiveOptions(votes, me, group)
          const keys = options.map((o) => o.key)
          expect(new Set(keys).size).toBe(keys.length)
          for (const o of options) {
            expect(choosePerspective(options, o.key)).toBe(o)
            expect(perspectiveKey(o.perspective)).toBe(o.key)
          }
          for (const v of votes) if (v.group) expect(keys).toContain(`group:${v.group}`)
          if (group) expect(keys).toContain(`group:${group}`)
          expect(choosePerspective(options, 'no such perspective').perspective).toEqual({ kind: 'all' })
        },
      ),
    )
  })

  test('[VP3] a group perspective counts exactly the votes cast in that group', () => {
    fc.assert(
      fc.property(arbMap(), fc.constantFrom(...GROUPS), (map, group) => {
        const ev = evaluate(map, { perspective: { kind: 'group', group } })
        for (const n of map.nodes) {
          const counted = map.votes.filter((v) => v.nodeId === n.id && v.group === group)
          const expected = counted.length ? counted.reduce((s, v) => s + v.value, 0) / counted.length / 4 : 0.5
          expect(ev.nodes.get(n.id)!.base).toBeCloseTo(expected, 12)
        }
      }),
    )
  })
})
