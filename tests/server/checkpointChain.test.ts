import fc from 'fast-check'
import * as Y from 'yjs'
import { afterAll, describe, expect, test } from 'vitest'
import {
  ROOTS,
  addNode,
  localOrigin,
  readGraph,
  removeNodes,
  replaceGraph,
  setVote,
  SYSTEM_ORIGIN,
  updateNode,
} from '@/core/ydoc'
import { createCheckpointStore, type CheckpointMemo } from '@/server/history/checkpointStore'
import { newDeletions, type DeletedRanges } from '@/server/history/checkpointUpdate'
import { freshSqliteDb } from '../../harness/db'

/** [HI4] [HI5] The checkpoint chain replays every checkpoint exactly, storing only new deletions. */
const sqlite = freshSqliteDb()
afterAll(() => sqlite.dispose())

const ranges = fc
  .array(fc.tuple(fc.nat(5), fc.nat(60), fc.integer({ min: 1, max: 8 })), { maxLength: 20 })
  .map((xs) => {
    const byClient: DeletedRanges = new Map()
    for (const [client, clock, len] of xs) byClient.set(client, [...(byClient.get(client) ?? []), { clock, len }])
    return byClient
  })
const covered = (ds: DeletedRanges) =>
  new Set(
    [...ds].flatMap(([c, items]) =>
      items.flatMap((i) => Array.from({ length: i.len }, (_, k) => `${c}:${i.clock + k}`)),
    ),
  )
const normalised = (ds: DeletedRanges): DeletedRanges => {
  const out: DeletedRanges = new Map()
  for (const [c, items] of ds) {
    const merged: Array<{ clock: number; len: number }> = []
    for (const i of [...items].sort((a, b) => a.clock - b.clock)) {
      const last = merged.at(-1)
      if (last && i.clock <= last.clock + last.len) last.len = Math.max(last.len, i.clock + i.len - last.clock)
      else merged.push({ ...i })
    }
    out.set(c, merged)
  }
  return out
}

/** Every root, read as the map it is (roots stay untyped until someone asks for them). */
const content = (d: Y.Doc) => Object.fromEntries(ROOTS.map((r) => [r, d.getMap(r).toJSON()]))

describe('checkpoint chain', () => {
  test('new deletions are exactly what now deletes beyond before', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        const before = normalised(a)
        const now = normalised(
          new Map([...new Set([...a.keys(), ...b.keys()])].map((c) => [c, [...(a.get(c) ?? []), ...(b.get(c) ?? [])]])),
        )
        const fresh = covered(newDeletions(now, before))
        const expected = new Set([...covered(now)].filter((x) => !covered(before).has(x)))
        expect([...fresh].sort()).toEqual([...expected].sort())
      }),
    )
  })

  test('replaying the chain up to any checkpoint gives that checkpoint, with two savers taking turns', async () => {
    const store = createCheckpointStore(sqlite.db)
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('add', 'edit', 'remove', 'vote', 'checkpoint'), fc.nat(30), fc.nat(1)), {
          minLength: 1,
          maxLength: 40,
        }),
        async (ops) => {
          const mapId = `mChain${run++}${Date.now().toString(36)}`
          await sqlite.db.map.create({ data: { id: mapId, title: 'chain' } })
          const doc = new Y.Doc()
          replaceGraph(doc, { title: 'chain', nodes: [], relations: [], votes: [] }, SYSTEM_ORIGIN)
          const memos: CheckpointMemo[] = [{}, {}]
          const expected: Array<{ id: string; json: unknown }> = []
          const o = localOrigin()
          for (const [op, n, who] of ops) {
            const ids = readGraph(doc).nodes.map((x) => x.id)
            const id = ids[n % Math.max(ids.length, 1)]
            if (op === 'add')
              addNode(
                doc,
                {
                  id: `n${n}_${expected.length}_${ids.length}`,
                  kind: 'claim',
                  text: `text ${n}`,
                  x: n,
                  y: 0,
                  pinned: false,
                },
                o,
              )
            else if (op === 'edit' && id) updateNode(doc, id, { text: `edited ${n}`, x: n * 2 }, o)
            else if (op === 'remove' && id) removeNodes(doc, [id], o)
            else if (op === 'vote' && id) setVote(doc, { nodeId: id, userId: `u${who}`, value: n % 5 }, o)
            else if (op === 'checkpoint') {
              const meta = await store.save(mapId, doc, { kind: 'auto' }, memos[who]!)
              expected.push({ id: meta.id, json: content(doc) })
            }
          }
          for (const e of expected) {
            const replayed = await store.docAt(mapId, e.id)
            expect(content(replayed!)).toEqual(e.json)
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
