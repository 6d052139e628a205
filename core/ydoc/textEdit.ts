import * as Y from 'yjs'
import { NodeSchema } from '../graph'
import { updateNode } from './ops'
import type { Origin } from './origins'
import { nodesOf, recordOf } from './shape'
import { splice } from './splice'
import { stampEdit } from './stamps'
import { wellFormed } from './wellFormed'

/** An edit of one node's text, begun from what the doc held when the person started typing. */
export interface TextEdit {
  /** The text the edit started from. */
  readonly base: string
  /**
   * Writes the person's final text as the change they made to `base`, at the
   * places they made it: what others wrote into the text meanwhile, outside the
   * stretch this person replaced, is kept.
   */
  commit(next: string, origin: Origin): void
}

/**
 * Starts a text edit of node `id`. Editors keep a draft while the person types
 * (so a remote edit does not yank the caret) and commit it at the end; a plain
 * splice against the doc's text at that moment would undo whatever others
 * wrote meanwhile. Positions captured now (Yjs relative positions, which
 * follow the characters they sit next to) place the splice where it belongs.
 */
export function beginTextEdit(doc: Y.Doc, id: string): TextEdit {
  const text = recordOf(nodesOf(doc), id)?.get('text')
  if (!(text instanceof Y.Text)) {
    // Nothing to merge with (a plain-string text from an older doc, or no such node): a whole write.
    const base = typeof text === 'string' ? text : ''
    return { base, commit: (next, origin) => updateNode(doc, id, { text: next }, origin) }
  }
  const base = text.toString()
  // Each boundary i, twice: tied to the character after it (where a removed stretch begins)
  // and to the one before it (where it ends), so insertions others made right at either
  // edge stay outside the stretch.
  const after = Array.from({ length: base.length + 1 }, (_, i) => Y.createRelativePositionFromTypeIndex(text, i))
  const before = Array.from({ length: base.length + 1 }, (_, i) => Y.createRelativePositionFromTypeIndex(text, i, -1))
  return {
    base,
    commit(next, origin) {
      const valid = wellFormed(NodeSchema.shape.text.parse(next))
      if (valid === base) return
      doc.transact(() => {
        const current = recordOf(nodesOf(doc), id)?.get('text')
        // Its text replaced wholesale meanwhile: nothing left to splice into, so a whole write
        // (which does nothing if the node itself is gone).
        if (current !== text) {
          updateNode(doc, id, { text: valid }, origin)
          return
        }
        const { start, removed, inserted } = splice(base, valid)
        const from = Y.createAbsolutePositionFromRelativePosition(after[start]!, doc)?.index
        const to = Y.createAbsolutePositionFromRelativePosition(before[start + removed]!, doc)?.index
        if (from === undefined || to === undefined) return
        if (to > from) text.delete(from, to - from)
        if (inserted) text.insert(from, inserted)
        if (to > from || inserted) stampEdit(recordOf(nodesOf(doc), id)!)
      }, origin)
    },
  }
}
