import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { problems, type ArgNode } from '@/core/graph'
import {
  addNode,
  addRelation,
  createGraphReader,
  localOrigin,
  nodesOf,
  moveNodes,
  readGraph,
  removeNodes,
  removeRelations,
  setVote,
  updateNode,
} from '@/core/ydoc'
import { TestNetwork } from './network'

const me = localOrigin()
const IDS = ['a', 'b', 'c', 'd', 'e']
const node = (id: string, text: string): ArgNode => ({ id, kind: 'claim', text, x: 0, y: 0, pinned: false })

/** One step of a random session: an edit on some doc, or something the network does. */
const stepArb = fc.oneof(
  fc.record({
    t: fc.constant('add' as const),
    doc: fc.nat(3),
    id: fc.constantFrom(...IDS),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({ t: fc.constant('remove' as const), doc: fc.nat(3), id: fc.constantFrom(...IDS) }),
  fc.record({
    t: fc.constant('edit' as const),
    doc: fc.nat(3),
    id: fc.constantFrom(...IDS),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    t: fc.constant('move' as const),
    doc: fc.nat(3),
    id: fc.constantFrom(...IDS),
    x: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({
    t: fc.constant('relate' as const),
    doc: fc.nat(3),
    source: fc.constantFrom(...IDS),
    target: fc.constantFrom(...IDS),
    kind: fc.constantFrom('supports' as const, 'attacks' as const),
  }),
  fc.record({ t: fc.constant('undercut' as const), doc: fc.nat(3), source: fc.constantFrom(...IDS), rel: fc.nat(20) }),
  fc.record({ t: fc.constant('unrelate' as const), doc: fc.nat(3), rel: fc.nat(20) }),
  fc.record({
    t: fc.constant('vote' as const),
    doc: fc.nat(3),
    id: fc.constantFrom(...IDS),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ t: fc.constant('deliver' as const), pick: fc.nat(50), index: fc.nat(3) }),
  fc.record({ t: fc.constant('drop' as const), pick: fc.nat(50) }),
  fc.record({ t: fc.constant('resync' as const), a: fc.nat(3), b: fc.nat(3) }),
)
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never

function run(net: TestNetwork, steps: Step[]): void {
  const n = net.docs.length
  for (const s of steps) {
    if ('doc' in s) {
      const doc = net.docs[s.doc % n]!
      const relIds = readGraph(doc).relations.map((r) => r.id)
      switch (s.t) {
        case 'add':
          addNode(doc, node(s.id, s.text), me)
          break
        case 'remove':
          removeNodes(doc, [s.id], me)
          break
        case 'edit':
          updateNode(doc, s.id, { text: s.text }, me)
          break
        case 'move':
          moveNodes(doc, [{ id: s.id, x: s.x, y: -s.x }], me)
          break
        case 'relate':
          if (s.source !== s.target)
            addRelation(doc, { id: `r-${s.source}-${s.target}`, kind: s.kind, source: s.source, target: s.target }, me)
          break
        case 'undercut': {
          const supports = readGraph(doc).relations.filter((r) => r.kind === 'supports')
          const target = supports[s.rel % Math.max(1, supports.length)]
          if (target)
            addRelation(
              doc,
              { id: `u-${s.source}-${target.id}`, kind: 'undercuts', source: s.source, target: target.id },
              me,
            )
          break
        }
        case 'unrelate':
          if (relIds.length > 0) removeRelations(doc, [relIds[s.rel % relIds.length]!], me)
          break
        case 'vote':
          setVote(doc, { nodeId: s.id, userId: `u${s.doc % n}`, value: s.value }, me)
          break
      }
      continue
    }
    const busy = net.busyLinks()
    if (s.t === 'resync') {
      if (s.a % n !== s.b % n) net.resync(s.a % n, s.b % n)
    } else if (busy.length > 0) {
      const [from, to] = busy[s.pick % busy.length]!
      if (s.t === 'deliver') net.deliver(from, to, s.index)
      else net.drop(from, to)
    }
  }
}

describe('convergence under a hostile network', () => {
  test('[SY2] docs that exchange updates in any order, with drops and reconnects, converge to one valid graph', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(stepArb, { maxLength: 60 }), (count, steps) => {
        const net = new TestNetwork(count)
        run(net, steps)
        net.healAll()
        const graphs = net.docs.map(readGraph)
        for (const g of graphs) {
          expect(g).toEqual(graphs[0])
          expect(problems(g)).toEqual([])
        }
      }),
      { numRuns: 300 },
    )
  })

  test('[SY8] an incremental reader on each doc reads exactly what readGraph reads, after every step, hostile records included', () => {
    const corruptArb = fc.record({
      t: fc.constant('corrupt' as const),
      doc: fc.nat(3),
      id: fc.constantFrom(...IDS),
      field: fc.constantFrom('kind', 'text', 'x'),
      value: fc.constantFrom<unknown>('bogus', 42, null, 'claim', 'fine text', 7),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.oneof(stepArb, corruptArb), { maxLength: 50 }),
        (count, steps) => {
          const net = new TestNetwork(count)
          const readers = net.docs.map(createGraphReader)
          const check = () => net.docs.forEach((doc, i) => expect(readers[i]!.read()).toEqual(readGraph(doc)))
          for (const s of steps) {
            if (s.t === 'corrupt') {
              // What a hostile client can merge in: a field of the wrong type, or a record that is no record.
              const doc = net.docs[s.doc % count]!
              const record: unknown = nodesOf(doc).get(s.id)
              if (record instanceof Y.Map && s.field !== 'x') record.set(s.field, s.value)
              else nodesOf(doc).set(s.id, s.value as never)
            } else run(net, [s])
            check()
          }
          net.healAll()
          check()
          readers.forEach((r) => r.dispose())
        },
      ),
      { numRuns: 200 },
    )
  })

  test('[SY2] an attack on a concurrently deleted claim is dropped on read', () => {
    const net = new TestNetwork(2)
    const [a, b] = net.docs as [(typeof net.docs)[0], (typeof net.docs)[0]]
    addNode(a, node('c1', 'claim'), me)
    addNode(a, node('c2', 'attacker'), me)
    net.deliverAll()
    removeNodes(a, ['c1'], me)
    addRelation(b, { id: 'r1', kind: 'attacks', source: 'c2', target: 'c1' }, me)
    net.deliverAll()
    expect(readGraph(a)).toEqual(readGraph(b))
    expect(readGraph(a).relations).toEqual([])
    expect(problems(readGraph(a))).toEqual([])
  })

  test('[SY7] concurrent edits of different fields of one node both survive', () => {
    const net = new TestNetwork(2)
    const [a, b] = net.docs as [(typeof net.docs)[0], (typeof net.docs)[0]]
    addNode(a, node('n', 'old'), me)
    net.deliverAll()
    updateNode(a, 'n', { text: 'new text' }, me)
    moveNodes(b, [{ id: 'n', x: 120, y: 40 }], me)
    net.deliverAll()
    const n = readGraph(a).nodes[0]!
    expect([n.text, n.x, n.y]).toEqual(['new text', 120, 40])
    expect(readGraph(b)).toEqual(readGraph(a))
  })
})
