import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { NODE_KINDS, RELATION_KINDS, type ArgNode, type NodeKind, type RelationKind } from '@/core/graph'
import { DEFAULT_PHASES, PhaseSetSchema, findPhase, phaseRefusal, type Phase } from '@/core/permissions'
import { addNode, addRelation, localOrigin, readGraph, removeNodes, setVote, updateNode } from '@/core/ydoc'
import type { Writer } from '@/server/sync/updateGuard'
import { guardedRoom, writer, type GuardedPerson } from '../../support/guardedRoom'

/**
 * Phases (core/permissions/SPEC.md [PP]) judged by the server's update guard
 * in-process: a student's replica writes, the guard accepts or refuses whole.
 */
const me = localOrigin()
const node = (id: string, kind: NodeKind = 'claim'): ArgNode => ({ id, kind, text: id, x: 0, y: 0, pinned: false })
const phase = (name: string) => findPhase(DEFAULT_PHASES, name)!
const setPhase = (p: GuardedPerson, ph: Phase | null) => ((p.writer as Writer).phase = ph)

function debate() {
  const room = guardedRoom()
  const teacher = room.join(writer('teacher', { owner: true }))
  const ann = room.join(writer('ann'))
  expect(room.act(teacher, (d) => addNode(d, node('thesis'), me)).ok).toBe(true)
  expect(room.act(ann, (d) => addNode(d, node('objA', 'objection'), me)).ok).toBe(true)
  return { room, teacher, ann }
}

describe('phases', () => {
  test('[PP1] a phase set needs one to twelve phases with distinct names; the default set is valid', () => {
    expect(PhaseSetSchema.safeParse(DEFAULT_PHASES).success).toBe(true)
    expect(PhaseSetSchema.safeParse([]).success).toBe(false)
    const open = DEFAULT_PHASES[1]!
    expect(PhaseSetSchema.safeParse([open, { ...open, name: 'OPEN' }]).success).toBe(false)
    expect(PhaseSetSchema.safeParse([{ ...open, nodes: ['poem'] }]).success).toBe(false)
    expect(findPhase(DEFAULT_PHASES, 'rebut')?.name).toBe('Rebut')
  })

  const cases: Array<[string, string, (d: import('yjs').Doc) => void]> = [
    ['add a claim', 'Open', (d) => addNode(d, node('c2'), me)],
    ['add evidence', 'Open', (d) => addNode(d, node('e2', 'evidence'), me)],
    [
      'support the thesis',
      'Open',
      (d) => addRelation(d, { id: 'rs', kind: 'supports', source: 'objA', target: 'thesis' }, me),
    ],
    ['add an objection', 'Rebut', (d) => addNode(d, node('o2', 'objection'), me)],
    [
      'attack the thesis',
      'Rebut',
      (d) => addRelation(d, { id: 'ra', kind: 'attacks', source: 'objA', target: 'thesis' }, me),
    ],
    ['reword an objection', 'Rebut', (d) => updateNode(d, 'objA', { text: 'better' }, me)],
    ['vote', 'Vote', (d) => setVote(d, { nodeId: 'thesis', userId: 'ann', value: 3 }, me)],
  ]
  for (const [what, allowedIn, edit] of cases) {
    test(`[PP2] [PP3] a student may ${what} only during ${allowedIn}; the teacher always, except when Closed`, () => {
      for (const ph of DEFAULT_PHASES) {
        const { room, teacher, ann } = debate()
        setPhase(ann, ph)
        setPhase(teacher, ph)
        const before = JSON.stringify(readGraph(room.server))
        const student = room.act(ann, edit)
        expect(student.ok, `${what} in ${ph.name}`).toBe(ph.name === allowedIn)
        if (!student.ok) {
          expect(student.reason).toContain(`during ${ph.name}`)
          expect(JSON.stringify(readGraph(room.server))).toBe(before)
        }
        // The teacher's own vote is in the teacher's name.
        const teacherEdit =
          what === 'vote'
            ? (d: import('yjs').Doc) => setVote(d, { nodeId: 'thesis', userId: 'teacher', value: 1 }, me)
            : edit
        expect(room.act(teacher, teacherEdit).ok, `teacher: ${what} in ${ph.name}`).toBe(ph.name !== 'Closed')
      }
    })
  }

  test('[PP4] during Rebut a claim cannot be reworded, nor turned into an objection', () => {
    const { room, ann } = debate()
    setPhase(ann, phase('Rebut'))
    const claimant = room.join(writer('claimant'))
    expect(room.act(claimant, (d) => addNode(d, node('mine'), me)).ok).toBe(true)
    setPhase(claimant, phase('Rebut'))
    expect(room.act(claimant, (d) => updateNode(d, 'mine', { text: 'reworded' }, me))).toMatchObject({ ok: false })
    expect(room.act(claimant, (d) => updateNode(d, 'mine', { kind: 'objection' }, me))).toMatchObject({ ok: false })
    expect(readGraph(room.server).nodes.find((n) => n.id === 'mine')?.kind).toBe('claim')
    // A record written with no readable kind is refused under a restricting phase.
    expect(phaseRefusal(phase('Rebut'), { what: 'node', kind: null }, false)).toContain('Rebut')
  })

  test('[PP2] no phase: roles alone decide', () => {
    const { room, ann } = debate()
    setPhase(ann, null)
    expect(room.act(ann, (d) => setVote(d, { nodeId: 'thesis', userId: 'ann', value: 2 }, me)).ok).toBe(true)
    expect(room.act(ann, (d) => addNode(d, node('free'), me)).ok).toBe(true)
  })

  test("[PP2] [PP4] property: in any phase a student's update is accepted exactly when every record it writes is of an allowed kind", () => {
    const phaseArb = fc.record({
      name: fc.constant('Custom'),
      nodes: fc.subarray([...NODE_KINDS]),
      relations: fc.subarray([...RELATION_KINDS]),
      votes: fc.boolean(),
      ownersToo: fc.constant(false),
    })
    type Op =
      | { t: 'node'; kind: NodeKind }
      | { t: 'relate'; kind: 'supports' | 'attacks'; a: number; b: number }
      | { t: 'vote'; n: number }
      | { t: 'reword'; n: number }
      | { t: 'remove'; n: number }
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ t: fc.constant('node' as const), kind: fc.constantFrom(...NODE_KINDS) }),
      fc.record({
        t: fc.constant('relate' as const),
        kind: fc.constantFrom('supports' as const, 'attacks' as const),
        a: fc.nat(20),
        b: fc.nat(20),
      }),
      fc.record({ t: fc.constant('vote' as const), n: fc.nat(20) }),
      fc.record({ t: fc.constant('reword' as const), n: fc.nat(20) }),
      fc.record({ t: fc.constant('remove' as const), n: fc.nat(20) }),
    )
    fc.assert(
      fc.property(phaseArb, fc.array(opArb, { minLength: 1, maxLength: 12 }), (ph, ops) => {
        const room = guardedRoom()
        const teacher = room.join(writer('teacher', { owner: true }))
        const ann = room.join(writer('ann', { phase: ph }))
        // The teacher seeds one node of every kind, free of the phase.
        room.act(teacher, (d) => NODE_KINDS.forEach((k, i) => addNode(d, node(`s${i}`, k), me)))
        let fresh = 0
        for (const op of ops) {
          const g = readGraph(room.server)
          const pick = (n: number) => g.nodes[n % g.nodes.length]
          const allowedNode = (k: NodeKind) => ph.nodes.includes(k)
          const allowedRel = (k: RelationKind) => ph.relations.includes(k)
          let expected: boolean
          let edit: (d: import('yjs').Doc) => void
          if (op.t === 'node') {
            expected = allowedNode(op.kind)
            edit = (d) => addNode(d, node(`f${fresh++}`, op.kind), me)
          } else if (op.t === 'relate') {
            const a = pick(op.a)
            const b = pick(op.b)
            if (!a || !b || a.id === b.id) continue
            expected = allowedRel(op.kind)
            edit = (d) => addRelation(d, { id: `r${fresh++}`, kind: op.kind, source: a.id, target: b.id }, me)
          } else if (op.t === 'vote') {
            const n = pick(op.n)
            if (!n) continue
            expected = ph.votes
            edit = (d) => setVote(d, { nodeId: n.id, userId: 'ann', value: 2 }, me)
          } else {
            const n = pick(op.n)
            if (!n) continue
            if (op.t === 'reword') {
              expected = allowedNode(n.kind)
              edit = (d) => updateNode(d, n.id, { text: `${n.text}!` }, me)
            } else {
              // Deleting a node takes its relations and votes with it: all of them must be allowed.
              const rels = g.relations.filter((r) => r.source === n.id || r.target === n.id)
              const votes = g.votes.filter((v) => v.nodeId === n.id)
              expected =
                allowedNode(n.kind) && rels.every((r) => allowedRel(r.kind)) && (votes.length === 0 || ph.votes)
              edit = (d) => removeNodes(d, [n.id], me)
            }
          }
          const before = JSON.stringify(readGraph(room.server))
          const outcome = room.act(ann, edit)
          if (outcome.ok !== expected) return false
          if (!outcome.ok && JSON.stringify(readGraph(room.server)) !== before) return false
        }
        return true
      }),
      { numRuns: 150 },
    )
  })
})
