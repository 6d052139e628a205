import type * as Y from 'yjs'
import type { ArgumentMap, Contributor } from '../../core/graph'
import {
  diffMaps,
  planRestore,
  touchedNodes,
  type CheckpointMeta,
  type MapDiff,
  type RestoreOptions,
  type RestoreResult,
} from '../../core/history'
import { applyRestorePlan, readCredits, readGraph, type Origin } from '../../core/ydoc'
import type { Room } from '../sync/Room'
import type { RoomRegistry } from '../sync/RoomRegistry'
import type { CheckpointStore } from './checkpointStore'
import { HistoryRefused } from './errors'

/** What a restore writes is the server's, like the trash ([PA9]): tagged so logs and undo can tell. */
const RESTORE_ORIGIN: Origin = { kind: 'system', label: 'restore' }

/**
 * History for pages and routes ([HI] in server/sync/SPEC.md): the timeline,
 * any checkpoint read-only, diffs, named checkpoints and restores. Restores
 * are applied by the server to the live room, as one transaction everyone
 * receives on top of their own later work ([HI3]).
 */
export function createHistory(checkpoints: CheckpointStore, rooms: RoomRegistry) {
  async function docAt(mapId: string, id: string): Promise<Y.Doc> {
    const doc = await checkpoints.docAt(mapId, id)
    if (!doc) throw new HistoryRefused(404, 'not_found', 'No such checkpoint')
    return doc
  }

  async function graphAt(mapId: string, id: string): Promise<ArgumentMap> {
    const doc = await docAt(mapId, id)
    try {
      return readGraph(doc)
    } finally {
      doc.destroy()
    }
  }

  /** A checkpoint through the room, so its automatic ones know the change is saved. */
  async function take(room: Room, info: Parameters<CheckpointStore['save']>[2]): Promise<CheckpointMeta> {
    const meta = room.checkpoints
      ? await room.checkpoints.take(info)
      : await checkpoints.save(room.mapId, room.doc, info)
    if (!meta) throw new Error('a checkpoint that was asked for was not taken')
    return meta
  }

  return {
    list: (mapId: string) => checkpoints.list(mapId),
    get: (mapId: string, id: string) => checkpoints.get(mapId, id),
    graphAt,

    /** [HI2] Between two checkpoints, or from one to the map as it is now (`to` omitted). */
    async diff(mapId: string, from: string, to?: string): Promise<MapDiff> {
      const before = await graphAt(mapId, from)
      const after = to ? await graphAt(mapId, to) : await rooms.withRoom(mapId, (room) => readGraph(room.doc))
      return diffMaps(before, after)
    },

    /** [HI1] A facilitator's named checkpoint of the map as it is now. */
    async named(mapId: string, name: string, by: Contributor): Promise<CheckpointMeta> {
      return rooms.withRoom(mapId, (room) => take(room, { kind: 'named', name, createdBy: by.userId }))
    },

    /**
     * [HI3] Restores the whole map or chosen nodes to a checkpoint, as a new
     * change: planned against the live doc and applied in one transaction,
     * between a checkpoint of just before and one of just after.
     */
    async restore(
      mapId: string,
      checkpointId: string,
      options: RestoreOptions,
      by: Contributor,
    ): Promise<RestoreResult> {
      const source = await checkpoints.get(mapId, checkpointId)
      if (!source) throw new HistoryRefused(404, 'not_found', 'No such checkpoint')
      const thenDoc = await docAt(mapId, checkpointId)
      const then = readGraph(thenDoc)
      const credits = readCredits(thenDoc)
      thenDoc.destroy()
      const label = source.name ?? `checkpoint ${source.seq}`
      return rooms.withRoom(mapId, async (room) => {
        const before = await take(room, { kind: 'restore', name: `Before restoring ${label}`, createdBy: by.userId })
        // Planned and applied with no await between: nobody's change can slip in and be overwritten unseen.
        const plan = planRestore(then, readGraph(room.doc), options)
        applyRestorePlan(
          room.doc,
          plan,
          { by, now: Date.now(), authorOf: (id) => credits.records[id]?.createdBy },
          RESTORE_ORIGIN,
        )
        const after = await take(room, { kind: 'restore', name: `Restored ${label}`, createdBy: by.userId })
        return {
          before,
          after,
          touched: touchedNodes(plan),
          counts: {
            nodes: plan.putNodes.length,
            relations: plan.putRelations.length + plan.removeRelations.length,
            votes: plan.putVotes.length + plan.removeVotes.length,
            removed: plan.removeNodes.length,
          },
        }
      })
    },
  }
}

export type History = ReturnType<typeof createHistory>
