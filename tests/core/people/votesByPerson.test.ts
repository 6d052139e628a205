import { describe, expect, test } from 'vitest'
import type { ArgumentMap } from '@/core/graph'
import { nameResolver, votesByPerson } from '@/core/people/displayName'

const map: ArgumentMap = {
  title: 't',
  nodes: [
    { id: 'a', kind: 'claim', text: 'First', x: 0, y: 0, pinned: false },
    { id: 'b', kind: 'claim', text: 'Second', x: 0, y: 0, pinned: false },
  ],
  relations: [],
  votes: [
    { nodeId: 'b', userId: 'u2', value: 1 },
    { nodeId: 'a', userId: 'u2', value: 4 },
    { nodeId: 'a', userId: 'u1', value: 0 },
    { nodeId: 'gone', userId: 'u1', value: 3 },
  ],
}
const people = new Map([
  ['u1', { name: 'Zoe' }],
  ['u2', { name: 'Ann' }],
])

describe('votes by person', () => {
  test('each person with their votes in map order, people by name; votes on missing nodes are left out', () => {
    expect(votesByPerson(map, { people })).toEqual([
      {
        userId: 'u2',
        name: 'Ann',
        votes: [
          { nodeId: 'a', text: 'First', value: 4 },
          { nodeId: 'b', text: 'Second', value: 1 },
        ],
      },
      { userId: 'u1', name: 'Zoe', votes: [{ nodeId: 'a', text: 'First', value: 0 }] },
    ])
    expect(votesByPerson(map, { people }, new Set(['b'])).map((p) => p.name)).toEqual(['Ann'])
  })

  test('with anonymity on, names never appear: stable participant numbers instead', () => {
    const shown = votesByPerson(map, { people, anonymous: true })
    expect(JSON.stringify(shown)).not.toMatch(/Ann|Zoe/)
    expect(shown.map((p) => [p.userId, p.name])).toEqual([
      ['u1', 'Participant 1'],
      ['u2', 'Participant 2'],
    ])
    expect(nameResolver({ people, anonymous: true })('u2')).toBe('Participant 2')
    expect(nameResolver({ people })('nobody')).toBe('someone')
  })
})
