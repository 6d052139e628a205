import * as Y from 'yjs'
import { NodeSchema, RelationSchema, type Contributor } from '../graph'
import type { RestorePlan } from '../history/restore'
import { removeNodes, removeRelations, updateNode } from './ops'
import type { Origin } from './origins'
import { nodesOf, recordOf, relationsOf, toYRecord, trashOf, voteKey, votesOf } from './shape'
import { putInTrash, trashEntriesFor } from './trash'

export interface RestoreContext {
  /** The original author of a record brought back, named in its owner-only `author` field ([PA6]). */
  authorOf?: (id: string) => string | undefined
  /** Who restores, for nodes a restore removes: they go to "Recently deleted" like any deletion ([PA9]). */
  by: Contributor
  now: number
}

const NODE_FIELDS = Object.keys(NodeSchema.shape).filter((k) => k !== 'id')

/**
 * Applies a restore plan (core/history/restore.ts) to the live doc as one
 * transaction: one change everyone receives, on top of whatever they did
 * since, never replacing the doc. Nodes it removes are filed in the trash;
 * nodes it brings back leave the trash. Server only (it writes `trash` and `author`).
 */
export function applyRestorePlan(doc: Y.Doc, plan: RestorePlan, ctx: RestoreContext, origin: Origin): void {
  doc.transact(() => {
    const nodes = nodesOf(doc)
    const relations = relationsOf(doc)
    if (plan.removeNodes.length > 0) {
      putInTrash(doc, trashEntriesFor(doc, plan.removeNodes, ctx.by, ctx.now), origin)
      removeNodes(doc, plan.removeNodes, origin)
    }
    removeRelations(doc, plan.removeRelations, origin)
    for (const n of plan.putNodes) {
      const valid = NodeSchema.parse(n)
      if (recordOf(nodes, n.id)) {
        // Field by field (text as a splice), so the record keeps its identity and its creator.
        const patch = Object.fromEntries(NODE_FIELDS.map((k) => [k, (valid as Record<string, unknown>)[k]]))
        updateNode(doc, n.id, patch, origin)
      } else {
        const author = ctx.authorOf?.(n.id)
        nodes.set(n.id, toYRecord({ ...valid, createdAt: ctx.now, ...(author ? { author } : {}) }))
      }
      trashOf(doc).delete(n.id)
    }
    for (const r of plan.putRelations) {
      const valid = RelationSchema.parse(r)
      const existing = recordOf(relations, r.id)
      if (existing && existing.get('source') === valid.source && existing.get('target') === valid.target) {
        if (existing.get('kind') !== valid.kind) {
          existing.set('kind', valid.kind)
          existing.set('editedAt', ctx.now)
        }
      } else {
        const author = ctx.authorOf?.(r.id)
        relations.set(r.id, toYRecord({ ...valid, createdAt: ctx.now, ...(author ? { author } : {}) }))
      }
    }
    const votes = votesOf(doc)
    for (const v of plan.removeVotes) votes.delete(voteKey(v.nodeId, v.userId))
    for (const v of plan.putVotes)
      votes.set(voteKey(v.nodeId, v.userId), v.group ? { value: v.value, group: v.group } : { value: v.value })
  }, origin)
}
