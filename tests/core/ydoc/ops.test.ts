import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { ArgNode } from '@/core/graph'
import {
  SCHEMA_VERSION,
  SYSTEM_ORIGIN,
  addNode,
  addRelation,
  createUndoManager,
  setTitle,
  setVote,
  docVersion,
  localOrigin,
  metaOf,
  migrateDoc,
  nodesOf,
  readGraph,
  relationsOf,
  removeNodes,
  moveNodes,
  removeRelations,
  setRelationKind,
  toYRecord,
  updateNode,
} from '@/core/ydoc'

const node = (id: string, extra: Partial<ArgNode> = {}): ArgNode => ({
  id,
  kind: 'claim',
  text: id,
  x: 0,
  y: 0,
  pinned: false,
  ...extra,
})

function sample(): Y.Doc {
  const doc = new Y.Doc()
  const o = localOrigin()
  for (const id of ['thesis', 'premise', 'objection']) addNode(doc, node(id), o)
  addRelation(doc, { id: 's1', kind: 'supports', source: 'premise', target: 'thesis' }, o)
  addRelation(doc, { id: 'u1', kind: 'undercuts', source: 'objection', target: 's1' }, o)
  return doc
}

describe('the single write path', () => {
  test('[DOC6] every op survives values that are no records where records belong (what a hostile client can merge in)', () => {
    const doc = sample()
    const o = localOrigin()
    nodesOf(doc).set('thesis', 'not a record' as never)
    relationsOf(doc).set('s1', 42 as never)
    relationsOf(doc).set('junk', null as never)
    expect(() => {
      updateNode(doc, 'thesis', { text: 'edited' }, o)
      moveNodes(doc, [{ id: 'thesis', x: 10, y: 10 }], o)
      setRelationKind(doc, 's1', 'attacks', o)
      removeRelations(doc, ['u1'], o)
      removeNodes(doc, ['premise', 'thesis'], o)
    }).not.toThrow()
    // The junk is skipped on read, and the deleted ids are really gone.
    expect(readGraph(doc).nodes.map((n) => n.id)).toEqual(['objection'])
    expect(nodesOf(doc).has('thesis')).toBe(false)
  })

  test('[DOC1] deleting a node removes its relations and undercuts of those relations', () => {
    const doc = sample()
    removeNodes(doc, ['premise'], localOrigin())
    expect(readGraph(doc).relations).toEqual([])
    expect([...relationsOf(doc).keys()]).toEqual([])
  })

  test('[DOC1] deleting a support removes the undercuts aimed at it', () => {
    const doc = sample()
    removeRelations(doc, ['s1'], localOrigin())
    expect([...relationsOf(doc).keys()]).toEqual([])
  })

  test('[DOC2] invalid input is refused before it reaches the doc', () => {
    const doc = new Y.Doc()
    expect(() => addNode(doc, { ...node('x'), kind: 'rumour' as never }, localOrigin())).toThrow()
    expect(() => addNode(doc, node('bad id!'), localOrigin())).toThrow()
    expect(() => addRelation(doc, { id: 'r', kind: 'supports', source: 'a', target: 'a' }, localOrigin())).toThrow()
    expect(nodesOf(doc).size).toBe(0)
  })

  test('[DOC3] reading skips records that fail their schema (merged state is untrusted)', () => {
    const doc = sample()
    doc.transact(() => {
      nodesOf(doc).set('evil', toYRecord({ kind: 'claim', text: 42 }))
      relationsOf(doc).set('dangling', toYRecord({ kind: 'attacks', source: 'ghost', target: 'thesis' }))
    })
    const g = readGraph(doc)
    expect(g.nodes.map((n) => n.id)).toEqual(['objection', 'premise', 'thesis'])
    expect(g.relations.map((r) => r.id)).toEqual(['s1', 'u1'])
  })

  test('[DOC4] undo reverts only the local origin, never a remote change, on every root a person writes', () => {
    const doc = sample()
    const mine = localOrigin('mine')
    const theirs = localOrigin('theirs')
    const undo = createUndoManager(doc, mine)
    updateNode(doc, 'thesis', { text: 'my edit' }, mine)
    undo.stopCapturing()
    addNode(doc, node('remote'), theirs)
    setTitle(doc, 'Their title', theirs)
    setVote(doc, { nodeId: 'remote', userId: 'them', value: 3 }, theirs)
    undo.undo()
    const g = readGraph(doc)
    expect(g.nodes.find((n) => n.id === 'thesis')?.text).toBe('thesis')
    expect(g.nodes.some((n) => n.id === 'remote')).toBe(true)
    expect(g.title).toBe('Their title')
    expect(g.votes).toEqual([{ nodeId: 'remote', userId: 'them', value: 3 }])

    // The same manager undoes one's own title and vote, one step each.
    setTitle(doc, 'My title', mine)
    undo.stopCapturing()
    setVote(doc, { nodeId: 'thesis', userId: 'me', value: 4 }, mine)
    undo.undo()
    expect(readGraph(doc).votes.some((v) => v.userId === 'me')).toBe(false)
    undo.undo()
    expect(readGraph(doc).title).toBe('Their title')
  })

  test('[DOC7] a vote is validated when it is written: out of range, on a bad id or by nobody is refused, and the doc is unchanged', () => {
    const doc = sample()
    const me = localOrigin('me')
    const before = Y.encodeStateVector(doc)
    for (const vote of [
      { nodeId: 'thesis', userId: 'me', value: 5 },
      { nodeId: 'thesis', userId: 'me', value: -1 },
      { nodeId: 'thesis', userId: 'me', value: 2.5 },
      { nodeId: 'not an id!', userId: 'me', value: 2 },
      { nodeId: 'thesis', userId: '', value: 2 },
    ]) {
      expect(() => setVote(doc, vote, me), JSON.stringify(vote)).toThrow()
    }
    expect(Y.encodeStateVector(doc)).toEqual(before)
    // The control: a valid vote is written and read back.
    setVote(doc, { nodeId: 'thesis', userId: 'me', value: 4 }, me)
    expect(readGraph(doc).votes).toContainEqual({ nodeId: 'thesis', userId: 'me', value: 4 })
  })

  test('[DOC5] migration stamps the current schemaVersion and refuses newer docs', () => {
    const doc = new Y.Doc()
    expect(docVersion(doc)).toBe(0)
    migrateDoc(doc, SYSTEM_ORIGIN)
    expect(docVersion(doc)).toBe(SCHEMA_VERSION)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(() => migrateDoc(doc, SYSTEM_ORIGIN)).toThrow(/newer/)
  })
})
