import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import type { ArgumentMap } from '@/core/graph'
import { applyPlanToMap, diffMaps, isEmptyDiff, planRestore, touchedNodes } from '@/core/history'
import {
  SYSTEM_ORIGIN,
  addNode,
  addRelation,
  applyRestorePlan,
  localOrigin,
  readGraph,
  removeNodes,
  removeRelations,
  replaceGraph,
  setVote,
  updateNode,
} from '@/core/ydoc'
import { arbValidMap } from '../convert/arbitraries'

/**
 * Restores as the server applies them: a plan (core/history/restore.ts) written into a live Y.Doc
 * (core/ydoc/restore.ts) after random later work by others.
 */
const by = { userId: 'u-fac', name: 'Facilitator', color: '#000' }
const USERS = ['u1', 'u2', 'u3']

type Op =
  | { op: 'add'; n: number; text: string }
  | { op: 'edit'; pick: number; text: string; x: number }
  | { op: 'remove'; pick: number }
  | { op: 'relate'; a: number; b: number; kind: 'supports' | 'attacks' }
  | { op: 'unrelate'; pick: number }
  | { op: 'vote'; pick: number; user: number; value: number | null }

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), n: fc.nat(1000), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    op: fc.constant('edit' as const),
    pick: fc.nat(),
    text: fc.string({ maxLength: 12 }),
    x: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('relate' as const),
    a: fc.nat(),
    b: fc.nat(),
    kind: fc.constantFrom('supports' as const, 'attacks' as const),
  }),
  fc.record({ op: fc.constant('unrelate' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('vote' as const),
    pick: fc.nat(),
    user: fc.nat(2),
    value: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  }),
)

let fresh = 0
function apply(doc: Y.Doc, op: Op): void {
  const o = localOrigin('someone')
  const g = readGraph(doc)
  const node = (i: number) => g.nodes[i % Math.max(g.nodes.length, 1)]?.id
  switch (op.op) {
    case 'add':
      return addNode(doc, { id: `new${op.n}_${fresh++}`, kind: 'claim', text: op.text, x: 0, y: 0, pinned: false }, o)
    case 'edit': {
      const id = node(op.pick)
      return id ? updateNode(doc, id, { text: op.text, x: op.x }, o) : undefined
    }
    case 'remove': {
      const id = node(op.pick)
      return id ? removeNodes(doc, [id], o) : undefined
    }
    case 'relate': {
      const [a, b] = [node(op.a), node(op.b)]
      return a && b && a !== b
        ? addRelation(doc, { id: `rel_new_${fresh++}`, kind: op.kind, source: a, target: b }, o)
        : undefined
    }
    case 'unrelate': {
      const r = g.relations[op.pick % Math.max(g.relations.length, 1)]
      return r ? removeRelations(doc, [r.id], o) : undefined
    }
    case 'vote': {
      const id = node(op.pick)
      return id ? setVote(doc, { nodeId: id, userId: USERS[op.user]!, value: op.value }, o) : undefined
    }
  }
}

const arbMapWithVotes = arbValidMap(8).chain((m) =>
  fc
    .array(fc.record({ node: fc.nat(), user: fc.nat(2), value: fc.integer({ min: 0, max: 4 }) }), { maxLength: 6 })
    .map((vs): ArgumentMap => {
      const votes = new Map<string, ArgumentMap['votes'][number]>()
      for (const v of vs) {
        const nodeId = m.nodes[v.node % Math.max(m.nodes.length, 1)]?.id
        if (nodeId) votes.set(`${nodeId}|${USERS[v.user]}`, { nodeId, userId: USERS[v.user]!, value: v.value })
      }
      return { ...m, votes: [...votes.values()] }
    }),
)

const scenario = fc.record({
  base: arbMapWithVotes,
  later: fc.array(arbOp, { maxLength: 14 }),
  chosen: fc.option(fc.array(fc.nat(), { maxLength: 4 }), { nil: undefined }),
  removeNewer: fc.boolean(),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function run(s: Scenario) {
  const doc = new Y.Doc()
  replaceGraph(doc, s.base, SYSTEM_ORIGIN)
  const checkpoint = readGraph(doc)
  for (const op of s.later) apply(doc, op)
  const current = readGraph(doc)
  const ids = [...new Set([...checkpoint.nodes, ...current.nodes].map((n) => n.id))]
  const nodes = s.chosen?.map((i: number) => ids[i % Math.max(ids.length, 1)]!).filter(Boolean)
  const options = { nodes, removeNewer: s.removeNewer }
  const plan = planRestore(checkpoint, current, options)
  applyRestorePlan(doc, plan, { by, now: 1 }, SYSTEM_ORIGIN)
  return { checkpoint, current, after: readGraph(doc), plan, options, doc }
}

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]))
const sorted = (m: ArgumentMap) => ({
  nodes: [...m.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  relations: [...m.relations].sort((a, b) => a.id.localeCompare(b.id)),
  votes: [...m.votes].sort((a, b) => `${a.nodeId}|${a.userId}`.localeCompare(`${b.nodeId}|${b.userId}`)),
})

describe('restoring a checkpoint', () => {
  test('restoring then reading gives the checkpoint for the restored nodes, their relations and votes', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { checkpoint, after, options } = run(s)
        const scope = new Set(options.nodes ?? checkpoint.nodes.map((n) => n.id))
        const now = byId(after.nodes)
        for (const n of checkpoint.nodes) if (scope.has(n.id)) expect(now.get(n.id)).toEqual(n)
        const nowRel = byId(after.relations)
        for (const r of checkpoint.relations) {
          if (r.kind !== 'undercuts' && scope.has(r.source) && scope.has(r.target)) expect(nowRel.get(r.id)).toEqual(r)
        }
        const votes = new Map(after.votes.map((v) => [`${v.nodeId}|${v.userId}`, v]))
        for (const v of checkpoint.votes)
          if (scope.has(v.nodeId)) expect(votes.get(`${v.nodeId}|${v.userId}`)).toEqual(v)
      }),
      { numRuns: 300 },
    )
  })

  test('a restore never removes nodes created after the checkpoint unless asked to, and leaves nodes outside its scope alone', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { checkpoint, current, after, options } = run(s)
        const then = new Set(checkpoint.nodes.map((n) => n.id))
        const now = byId(after.nodes)
        const inScope = (id: string) =>
          options.nodes ? options.nodes.includes(id) : then.has(id) || options.removeNewer
        for (const n of current.nodes) {
          if (!then.has(n.id) && !(options.removeNewer && inScope(n.id))) expect(now.get(n.id)).toEqual(n)
          if (!inScope(n.id)) expect(now.get(n.id)).toEqual(n)
        }
        // Asked to, a whole-map restore gives the checkpoint exactly.
        if (!options.nodes && options.removeNewer) expect(sorted(after)).toEqual(sorted(checkpoint))
      }),
      { numRuns: 300 },
    )
  })

  test('the plan read on plain maps is what the doc reads after the server applied it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { current, after, plan } = run(s)
        expect(sorted(after)).toEqual(sorted(applyPlanToMap(current, plan)))
      }),
      { numRuns: 300 },
    )
  })

  test('undoing a restore (the state before it, for the nodes it touched, newer ones removed) gives that state back', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { current, plan, doc } = run(s)
        const undo = planRestore(current, readGraph(doc), { nodes: touchedNodes(plan), removeNewer: true })
        applyRestorePlan(doc, undo, { by, now: 2 }, SYSTEM_ORIGIN)
        const back = readGraph(doc)
        const touched = new Set(touchedNodes(plan))
        expect(sorted({ ...back, nodes: back.nodes.filter((n) => touched.has(n.id)) }).nodes).toEqual(
          sorted({ ...current, nodes: current.nodes.filter((n) => touched.has(n.id)) }).nodes,
        )
        expect(
          isEmptyDiff(diffMaps({ ...current, relations: [], votes: [] }, { ...back, relations: [], votes: [] })),
        ).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
