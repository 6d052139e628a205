import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { buildDashboard, dashboardCsv, type DashboardInput } from '@/core/dashboard'
import { evaluate } from '@/core/evaluate'
import { NODE_KINDS, type ArgumentMap } from '@/core/graph'
import { USERS, arbMap } from '../evaluate/arbitraries'

/** The dashboard's rules ([DB1]–[DB4] in core/dashboard/SPEC.md): unit cases and properties against naive oracles. */
const TEAM: Record<string, string | null> = { ann: 'Red', bob: 'Blue', cy: 'Red', dee: null }

function input(map: ArgumentMap, creators: Record<string, string>): DashboardInput {
  const labels = evaluate(map).nodes
  return {
    map,
    creatorOf: (id) => creators[id],
    nameOf: (u) => u.toUpperCase(),
    teamOf: (u) => TEAM[u] ?? null,
    labelOf: (id) => labels.get(id)?.label,
  }
}

const debate: ArgumentMap = {
  title: 'class',
  nodes: [
    { id: 't', kind: 'claim', text: 'Belarus should join NATO', x: 0, y: 0, pinned: false },
    { id: 'o', kind: 'objection', text: 'Russia would react with force', x: 0, y: 0, pinned: false },
    { id: 'e', kind: 'evidence', text: 'Sweden is joining', x: 0, y: 0, pinned: false },
    { id: 'q', kind: 'evidence', text: 'A quoted survey', quote: 'not interested', x: 0, y: 0, pinned: false },
    { id: 'c2', kind: 'claim', text: 'Belarus should join NATO soon', x: 0, y: 0, pinned: false },
    { id: 'lone', kind: 'question', text: 'What do Belarusians want?', x: 0, y: 0, pinned: false },
  ],
  relations: [
    { id: 'r1', kind: 'attacks', source: 'o', target: 't' },
    { id: 'r2', kind: 'supports', source: 'e', target: 't' },
    { id: 'r3', kind: 'supports', source: 'q', target: 'c2' },
  ],
  votes: [{ nodeId: 't', userId: 'bob', value: 3 }],
}
const creators = { t: 'ann', o: 'bob', e: 'ann', q: 'cy', c2: 'cy', lone: 'ann', r1: 'bob', r2: 'ann', r3: 'cy' }

describe('dashboard', () => {
  test('[DB1] contributions per student and team: nodes, relations, votes, words, replies to others', () => {
    const d = buildDashboard(input(debate, creators))
    const ann = d.people.find((p) => p.key === 'ann')!
    expect(ann).toMatchObject({ nodes: 3, relations: 1, votes: 0, words: 4 + 3 + 4, replies: 0 })
    expect(d.people.find((p) => p.key === 'bob')).toMatchObject({ nodes: 1, relations: 1, votes: 1, replies: 1 })
    expect(d.teams.find((t) => t.key === 'Red')).toMatchObject({ nodes: 5, relations: 2, votes: 0 })
  })

  test('[DB2] findings: unanswered objections, unsupported claims, evidence without quote or source, isolated nodes, likely duplicates', () => {
    const d = buildDashboard(input(debate, creators))
    const of = (k: string) => d.findings.filter((f) => f.kind === k).map((f) => f.nodeId)
    expect(of('unanswered-objection')).toEqual(['o'])
    expect(of('unsupported-claim')).toEqual([])
    expect(of('unsourced-evidence')).toEqual(['e'])
    expect(of('isolated-node')).toEqual(['lone'])
    expect(d.findings.filter((f) => f.kind === 'likely-duplicate').map((f) => [f.nodeId, f.otherId])).toEqual([
      ['t', 'c2'],
    ])
    // Answering the objection and supporting nothing else changes exactly those findings.
    const answered = {
      ...debate,
      relations: [...debate.relations, { id: 'r4', kind: 'attacks' as const, source: 'lone', target: 'o' }],
    }
    const d2 = buildDashboard(input(answered, { ...creators, r4: 'dee' }))
    expect(d2.findings.filter((f) => f.kind === 'unanswered-objection')).toEqual([])
    expect(d2.findings.filter((f) => f.kind === 'isolated-node')).toEqual([])
  })

  test("[DB3] which team's claims are IN under the current evaluation", () => {
    const d = buildDashboard(input(debate, creators))
    // Ann's thesis is attacked by an unanswered objection (OUT); Cy's claim is supported and unattacked (IN).
    expect(d.standing).toEqual([{ team: 'Red', claims: 2, inClaims: 1 }])
  })

  test('[DB1] [DB2] property: counts add up and every finding matches a naive reading of the map', () => {
    const arb = arbMap({ maxNodes: 8 }).chain((map) =>
      fc
        .tuple(
          fc.array(fc.constantFrom(...NODE_KINDS), { minLength: map.nodes.length, maxLength: map.nodes.length }),
          fc.array(fc.option(fc.constantFrom(...USERS), { nil: undefined }), {
            minLength: map.nodes.length + map.relations.length,
            maxLength: map.nodes.length + map.relations.length,
          }),
        )
        .map(([kinds, who]) => {
          const m: ArgumentMap = { ...map, nodes: map.nodes.map((n, i) => ({ ...n, kind: kinds[i]! })) }
          const creators: Record<string, string> = {}
          ;[...m.nodes.map((n) => n.id), ...m.relations.map((r) => r.id)].forEach(
            (id, i) => who[i] && (creators[id] = who[i]!),
          )
          return { m, creators }
        }),
    )
    fc.assert(
      fc.property(arb, ({ m, creators }) => {
        const d = buildDashboard(input(m, creators))
        expect(d.people.reduce((s, p) => s + p.nodes, 0)).toBe(m.nodes.filter((n) => creators[n.id]).length)
        expect(d.people.reduce((s, p) => s + p.relations, 0)).toBe(m.relations.filter((r) => creators[r.id]).length)
        expect(d.people.reduce((s, p) => s + p.votes, 0)).toBe(m.votes.length)
        for (const t of d.teams)
          expect(t.nodes).toBe(d.people.filter((p) => p.team === t.key).reduce((s, p) => s + p.nodes, 0))
        const relEnd = (id: string) => m.relations.find((r) => r.id === id)?.target
        const touches = (n: string) =>
          m.relations.some(
            (r) => r.source === n || r.target === n || (r.kind === 'undercuts' && relEnd(r.target) === n),
          )
        const of = (k: string) => new Set(d.findings.filter((f) => f.kind === k).map((f) => f.nodeId))
        expect(of('isolated-node')).toEqual(new Set(m.nodes.filter((n) => !touches(n.id)).map((n) => n.id)))
        expect(of('unsupported-claim')).toEqual(
          new Set(
            m.nodes
              .filter((n) => n.kind === 'claim' && !m.relations.some((r) => r.kind === 'supports' && r.target === n.id))
              .map((n) => n.id),
          ),
        )
        expect(of('unanswered-objection')).toEqual(
          new Set(
            m.nodes
              .filter(
                (n) => n.kind === 'objection' && !m.relations.some((r) => r.kind === 'attacks' && r.target === n.id),
              )
              .map((n) => n.id),
          ),
        )
        const standing = d.standing.reduce((s, t) => s + t.claims, 0)
        expect(standing).toBe(
          m.nodes.filter((n) => n.kind === 'claim' && creators[n.id] && TEAM[creators[n.id]!]).length,
        )
      }),
      { numRuns: 200 },
    )
  })

  test('[DB4] CSV: one row per person and team, findings after; quotes doubled, formulas defused', () => {
    const hostile: ArgumentMap = {
      ...debate,
      nodes: [
        ...debate.nodes,
        { id: 'x', kind: 'evidence', text: '=HYPERLINK("http://evil")', x: 0, y: 0, pinned: false },
      ],
    }
    const csv = dashboardCsv(buildDashboard(input(hostile, { ...creators, x: 'dee' })))
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('"row","name","team","nodes","relations","votes","words","replies"')
    expect(lines).toContain('"person","ANN","Red","3","1","0","11","0"')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).not.toMatch(/(^|,)"=/m)
  })
})
