import type * as Y from 'yjs'
import {
  addNode,
  authorsOf,
  localOrigin,
  moveNodes,
  recordOf,
  relationsOf,
  removeNodes,
  removeRelations,
  setRelationKind,
  setTitle,
  setVote,
  trashOf,
  updateNode,
} from '@/core/ydoc'
import { claim } from './graph'

/**
 * Every disguise of an edit a non-owner must not land ([PA2]–[PA8]), on the
 * classroom both guard tests build: the teacher's locked node `thesis`, and
 * Ann's node `a1` with her relation `ra` (a1 supports thesis) and her vote on
 * the thesis. Each runs on a replica of the server's doc.
 */
export type Disguise = [name: string, edit: (doc: Y.Doc) => void]

const me = localOrigin()

export function disguises(ann: string, teacher: string): Disguise[] {
  return [
    ['[PA5] delete the locked thesis', (d) => removeNodes(d, ['thesis'], me)],
    ['[PA5] reword the locked thesis', (d) => updateNode(d, 'thesis', { text: 'rewritten' }, me)],
    ['[PA5] move the locked thesis', (d) => moveNodes(d, [{ id: 'thesis', x: 900, y: 900 }], me)],
    ["[PA5] change the locked thesis's kind", (d) => updateNode(d, 'thesis', { kind: 'question' }, me)],
    ['[PA5] unlock the thesis', (d) => updateNode(d, 'thesis', { locked: false }, me)],
    ['[PA5] overwrite the thesis under its id', (d) => addNode(d, claim('thesis', 'impostor'), me)],
    ["[PA7] delete Ann's node", (d) => removeNodes(d, ['a1'], me)],
    ["[PA7] reword Ann's node", (d) => updateNode(d, 'a1', { text: 'Bob was here' }, me)],
    ["[PA7] move Ann's node", (d) => moveNodes(d, [{ id: 'a1', x: 300, y: 10 }], me)],
    ["[PA7] change Ann's node's kind", (d) => updateNode(d, 'a1', { kind: 'objection' }, me)],
    ["[PA7] delete Ann's relation", (d) => removeRelations(d, ['ra'], me)],
    ["[PA7] flip Ann's relation", (d) => setRelationKind(d, 'ra', 'attacks', me)],
    [
      "[PA7] move the target end of Ann's relation",
      (d) => d.transact(() => void recordOf(relationsOf(d), 'ra')!.set('target', 'a1')),
    ],
    [
      "[PA7] move the source end of Ann's relation",
      (d) => d.transact(() => void recordOf(relationsOf(d), 'ra')!.set('source', 'thesis')),
    ],
    ["[PA8] a vote cast in Ann's name", (d) => setVote(d, { nodeId: 'a1', userId: ann, value: 0 }, me)],
    ["[PA8] change Ann's vote", (d) => setVote(d, { nodeId: 'thesis', userId: ann, value: 0 }, me)],
    ["[PA8] withdraw Ann's vote", (d) => setVote(d, { nodeId: 'thesis', userId: ann, value: null }, me)],
    [
      '[PA2] bind oneself as the teacher in the authors map',
      (d) => authorsOf(d).set(String(d.clientID), { userId: teacher, name: 'Teacher', color: '#000000' }),
    ],
    ['[PA2] plant a trash entry', (d) => trashOf(d).set('a1', { junk: true })],
    ['[PA2] write an unknown root', (d) => d.getMap('elsewhere').set('x', 1)],
    ['[PA4] rename the map', (d) => setTitle(d, "Bob's map", me)],
    [
      "[PA6] claim Ann's node with the author field",
      (d) => d.transact(() => void recordOf(d.getMap('nodes'), 'a1')!.set('author', 'bob')),
    ],
  ]
}
