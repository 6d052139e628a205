/**
 * The update guard's cost per update ([PA3]): the same stream of real edits
 * (text splices, moves, votes, new nodes and relations, deletions of one's
 * own nodes) by three bound people on a 1,000-node map, applied to a copy of
 * the server's doc once with Y.applyUpdate alone (what Room.receive did
 * before) and once through applyGuarded (scan, judge, bind, apply, trash).
 * Runs alternate, and the ratio guarded/plain is reported with the absolute
 * microseconds per update: the check must stay far below sync latency (ms).
 *
 *   npx tsx bench/update-guard.ts        (or `npm run bench`)
 */
import os from 'node:os'
import * as Y from 'yjs'
import {
  addNode,
  addRelation,
  beginTextEdit,
  bindAuthors,
  localOrigin,
  moveNodes,
  removeNodes,
  setVote,
} from '@/core/ydoc'
import { applyGuarded, type Writer } from '@/server/sync/updateGuard'
import { isMain, markdownTable, median } from './lib/report'

const NODES = 1000
const UPDATES = 1500
const ROUNDS = 6
const me = localOrigin()

function writer(userId: string): Writer {
  return { userId, owner: false, ownWork: true, contributor: { userId, name: userId, color: '#336699' } }
}

/** A seeded random stream, so both arms see exactly the same updates. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32
}

export function workload() {
  const people = ['ann', 'bob', 'cid'].map((id) => ({ w: writer(id), doc: new Y.Doc() }))
  const server = new Y.Doc()
  for (const p of people) bindAuthors(server, [p.doc.clientID], p.w.contributor, me)
  // Each person writes a third of the map.
  for (const [i, p] of people.entries()) {
    for (let n = 0; n < NODES / people.length; n++) {
      const id = `${p.w.userId}-${n}`
      addNode(
        p.doc,
        {
          id,
          kind: 'claim',
          text: `Claim ${n} by ${p.w.userId}: ${'lorem ipsum '.repeat(6)}`,
          x: n * 10,
          y: i * 100,
          pinned: false,
        },
        me,
      )
      if (n > 0)
        addRelation(
          p.doc,
          { id: `r-${id}`, kind: n % 2 ? 'supports' : 'attacks', source: id, target: `${p.w.userId}-${n - 1}` },
          me,
        )
    }
    Y.applyUpdate(server, Y.encodeStateAsUpdate(p.doc))
  }
  for (const p of people) Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(server))
  const start = Y.encodeStateAsUpdate(server)
  const random = rng(7)
  const stream: Array<{ who: Writer; update: Uint8Array; kind: string }> = []
  const counters = new Map<string, number>()
  for (let i = 0; i < UPDATES; i++) {
    const p = people[Math.floor(random() * people.length)]!
    const own = `${p.w.userId}-${Math.floor(random() * (NODES / people.length - 1)) + 1}`
    // What a stock provider sends: each transaction's own update (its own deletions only).
    const sent: Uint8Array[] = []
    const onUpdate = (u: Uint8Array) => sent.push(u)
    p.doc.on('update', onUpdate)
    const roll = random()
    let kind: string
    if (roll < 0.5) {
      kind = 'text'
      const edit = beginTextEdit(p.doc, own)
      edit.commit(`${edit.base} ${i}`, me)
    } else if (roll < 0.7) {
      kind = 'move'
      moveNodes(p.doc, [{ id: own, x: i, y: i % 97 }], me)
    } else if (roll < 0.85) {
      kind = 'vote'
      setVote(p.doc, { nodeId: `ann-${i % 300}`, userId: p.w.userId, value: i % 5 }, me)
    } else if (roll < 0.97) {
      kind = 'add'
      const id = `${p.w.userId}-new-${i}`
      addNode(p.doc, { id, kind: 'argument', text: `New ${i}`, x: 0, y: 0, pinned: false }, me)
      addRelation(p.doc, { id: `r-${id}`, kind: 'supports', source: id, target: 'ann-1' }, me)
    } else {
      kind = 'delete'
      removeNodes(p.doc, [`${p.w.userId}-new-${i - 1}`], me)
    }
    counters.set(kind, (counters.get(kind) ?? 0) + 1)
    p.doc.off('update', onUpdate)
    const update = Y.mergeUpdates(sent)
    stream.push({ who: p.w, update, kind })
    // Everyone sees everything, as through the server.
    for (const q of people) if (q !== p) Y.applyUpdate(q.doc, update)
  }
  return { start, stream, counters }
}

function run(
  start: Uint8Array,
  stream: ReturnType<typeof workload>['stream'],
  guarded: boolean,
): { perUpdateUs: number[]; refused: number } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, start)
  const perUpdateUs: number[] = []
  let refused = 0
  for (const { who, update } of stream) {
    const t0 = performance.now()
    if (guarded) {
      if (!applyGuarded(doc, update, who, 'peer').ok) refused++
    } else Y.applyUpdate(doc, update, 'peer')
    perUpdateUs.push((performance.now() - t0) * 1000)
  }
  doc.destroy()
  return { perUpdateUs, refused }
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

export async function main(): Promise<void> {
  const { start, stream, counters } = workload()
  // Warm-up, untimed.
  run(start, stream, false)
  run(start, stream, true)
  const plain: number[][] = []
  const guarded: number[][] = []
  let refused = 0
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which arm goes first.
    const order = r % 2 ? [true, false] : [false, true]
    for (const g of order) {
      const out = run(start, stream, g)
      ;(g ? guarded : plain).push(out.perUpdateUs)
      if (g) refused += out.refused
    }
  }
  const all = (xs: number[][]) => xs.flat()
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const rows = [
    ['plain Y.applyUpdate', mean(all(plain)).toFixed(1), median(all(plain)).toFixed(1), pct(all(plain), 99).toFixed(1)],
    ['applyGuarded', mean(all(guarded)).toFixed(1), median(all(guarded)).toFixed(1), pct(all(guarded), 99).toFixed(1)],
  ]
  const ratio = mean(all(guarded)) / mean(all(plain))
  const ratioPerRound = guarded.map((g, i) => (mean(g) / mean(plain[i]!)).toFixed(2)).join(', ')
  console.log(
    `update guard, ${NODES}-node map, ${UPDATES} updates (${[...counters].map(([k, v]) => `${k} ${v}`).join(', ')}), ${ROUNDS} rounds, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(markdownTable(['arm', 'mean µs/update', 'p50 µs', 'p99 µs'], rows))
  console.log(
    `guarded/plain (mean): ${ratio.toFixed(2)}×; per round: ${ratioPerRound}; check cost ≈ ${(mean(all(guarded)) - mean(all(plain))).toFixed(1)} µs/update; refused: ${refused} (expected 0: every edit is the writer's own)`,
  )
  const kinds = [...counters.keys()]
  const byKind = (arm: number[][]) => (k: string) =>
    mean(arm.flatMap((round) => round.filter((_, i) => stream[i]!.kind === k)))
  console.log(
    markdownTable(
      ['edit', 'count', 'plain mean µs', 'guarded mean µs', 'ratio'],
      kinds.map((k) => [
        k,
        counters.get(k)!,
        byKind(plain)(k).toFixed(1),
        byKind(guarded)(k).toFixed(1),
        (byKind(guarded)(k) / byKind(plain)(k)).toFixed(2),
      ]),
    ),
  )
  if (refused > 0) throw new Error(`the guard refused ${refused} honest updates`)
}

if (isMain(import.meta.url)) await main()
