import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evaluate } from '@/core/evaluate'
import { admittedOnly } from '@/core/evaluate/reviewed'
import type { ArgNode, ArgumentMap } from '@/core/graph'
import { addNode, addRelation, localOrigin, readGraph, updateNode } from '@/core/ydoc'
import { arbMap } from '../core/evaluate/arbitraries'
import { guardedRoom, writer } from '../support/guardedRoom'

/** Review mode ([PM1]–[PM3] in core/permissions/SPEC.md, [FW3] in core/evaluate/SPEC.md), judged by the update guard. */
const me = localOrigin()
const claim = (id: string, extra: Partial<ArgNode> = {}): ArgNode => ({
  id,
  kind: 'claim',
  text: id,
  x: 0,
  y: 0,
  pinned: false,
  ...extra,
})

function reviewRoom() {
  const room = guardedRoom()
  const teacher = room.join(writer('teacher', { owner: true }))
  const coTeacher = room.join(writer('co', { owner: true }))
  const ann = room.join(writer('ann', { review: true }))
  expect(room.act(teacher, (d) => addNode(d, claim('thesis'), me)).ok).toBe(true)
  return { room, teacher, coTeacher, ann }
}

describe('review mode', () => {
  test("[PM1] a student's new node is taken only as pending; the teacher's need no review", () => {
    const { room, teacher, ann } = reviewRoom()
    const bare = room.act(ann, (d) => addNode(d, claim('a1'), me))
    expect(bare).toMatchObject({ ok: false, reason: expect.stringContaining('review') })
    expect(room.act(ann, (d) => addNode(d, claim('a1', { review: 'pending' }), me)).ok).toBe(true)
    expect(readGraph(room.server).nodes.find((n) => n.id === 'a1')?.review).toBe('pending')
    expect(room.act(teacher, (d) => addNode(d, claim('t2'), me)).ok).toBe(true)
  })

  test('[PM1] [PM3] only teachers approve or reject: a student cannot clear "pending" nor write a reason', () => {
    const { room, ann } = reviewRoom()
    room.act(ann, (d) => addNode(d, claim('a1', { review: 'pending' }), me))
    expect(room.act(ann, (d) => updateNode(d, 'a1', { review: undefined }, me)).ok).toBe(false)
    expect(room.act(ann, (d) => updateNode(d, 'a1', { reviewReason: 'fine by me' }, me)).ok).toBe(false)
    // A student's own pending node stays theirs to word.
    expect(room.act(ann, (d) => updateNode(d, 'a1', { text: 'better words' }, me)).ok).toBe(true)
    // Outside review mode a node may not be written "rejected" or "pending" on an existing record either.
    const free = room.join(writer('free'))
    expect(room.act(free, (d) => updateNode(d, 'thesis', { review: 'rejected' }, me)).ok).toBe(false)
  })

  test('[PM2] [PM3] co-teachers share one queue: one rejects with a reason, the other sees it gone; the author sees the reason', () => {
    const { room, teacher, coTeacher, ann } = reviewRoom()
    room.act(ann, (d) => addNode(d, claim('a1', { review: 'pending' }), me))
    room.act(ann, (d) => addNode(d, claim('a2', { review: 'pending' }), me))
    room.pull(coTeacher)
    const queue = (doc: import('yjs').Doc) =>
      readGraph(doc)
        .nodes.filter((n) => n.review === 'pending')
        .map((n) => n.id)
        .sort()
    expect(queue(coTeacher.doc)).toEqual(['a1', 'a2'])
    expect(
      room.act(teacher, (d) => updateNode(d, 'a1', { review: 'rejected', reviewReason: 'Not about the thesis' }, me))
        .ok,
    ).toBe(true)
    expect(room.act(coTeacher, (d) => updateNode(d, 'a2', { review: undefined }, me)).ok).toBe(true)
    room.pull(coTeacher)
    room.pull(ann)
    expect(queue(coTeacher.doc)).toEqual([])
    expect(readGraph(ann.doc).nodes.find((n) => n.id === 'a1')).toMatchObject({
      review: 'rejected',
      reviewReason: 'Not about the thesis',
    })
    expect(readGraph(ann.doc).nodes.find((n) => n.id === 'a2')?.review).toBeUndefined()
  })

  test('[FW3] a pending node and what hangs on it take no part in the evaluation', () => {
    const { room, ann, teacher } = reviewRoom()
    room.act(ann, (d) => addNode(d, { ...claim('obj', { review: 'pending' }), kind: 'objection' }, me))
    room.act(ann, (d) => addRelation(d, { id: 'r1', kind: 'attacks', source: 'obj', target: 'thesis' }, me))
    const map = readGraph(room.server)
    const e = evaluate(map)
    expect(e.nodes.has('obj')).toBe(false)
    expect(e.nodes.get('thesis')?.label).toBe('IN')
    room.act(teacher, (d) => updateNode(d, 'obj', { review: undefined }, me))
    expect(evaluate(readGraph(room.server)).nodes.get('thesis')?.label).toBe('OUT')
  })

  test('[FW3] property: evaluating a map with pending nodes equals evaluating it with them deleted', () => {
    fc.assert(
      fc.property(arbMap(), fc.array(fc.nat(), { maxLength: 4 }), (map: ArgumentMap, picks) => {
        if (map.nodes.length === 0) return
        const held = new Set(picks.map((i) => map.nodes[i % map.nodes.length]!.id))
        const marked: ArgumentMap = {
          ...map,
          nodes: map.nodes.map((n) => (held.has(n.id) ? { ...n, review: 'pending' as const } : n)),
        }
        const without = admittedOnly(marked)
        expect(without.nodes.some((n) => held.has(n.id))).toBe(false)
        const a = evaluate(marked)
        // The oracle: the same map with those nodes simply deleted, repaired as any merged doc is [FW1].
        const b = evaluate({ ...map, nodes: map.nodes.filter((n) => !held.has(n.id)) })
        expect([...a.nodes.keys()].sort()).toEqual([...b.nodes.keys()].sort())
        for (const [id, v] of a.nodes) expect(v.label).toBe(b.nodes.get(id)!.label)
      }),
      { numRuns: 100 },
    )
  })
})
