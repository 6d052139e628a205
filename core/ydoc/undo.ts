import * as Y from 'yjs'
import type { Origin } from './origins'
import { metaOf, nodesOf, relationsOf, votesOf } from './shape'

/**
 * Undo that only ever reverts one editor's own transactions: it tracks exactly the origin object
 * that editor passes to every op, so remote changes (another person, the server, storage) are left
 * alone. It covers every root a person writes: nodes, relations, the title and votes (a vote cast
 * on the wrong node is a mistake like any other). The server-written roots (`authors`, `trash`)
 * are not a person's edits and are not undone.
 */
export function createUndoManager(doc: Y.Doc, origin: Origin): Y.UndoManager {
  return new Y.UndoManager([nodesOf(doc), relationsOf(doc), metaOf(doc), votesOf(doc)], {
    trackedOrigins: new Set([origin]),
  })
}
