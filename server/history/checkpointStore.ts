import * as Y from 'yjs'
import { newId } from '../../core/graph'
import { CHECKPOINT_KINDS, CHECKPOINT_NAME_MAX, type CheckpointKind, type CheckpointMeta } from '../../core/history'

export type { CheckpointMeta }
import type { Db } from '../db/client'
import { checkpointUpdate, type DeletedRanges } from './checkpointUpdate'

/**
 * What a saver remembers between its checkpoints: the deletions at its last one, so the next
 * stores only new deletions ([HI5]). Without it (a fresh room) a checkpoint carries them all.
 */
export interface CheckpointMemo {
  deleted?: DeletedRanges
}

/**
 * Checkpoints ([HI] in server/sync/SPEC.md): points in a map's history, in
 * their own table. Each row holds the Yjs update from the previous checkpoint
 * to itself (`Y.encodeStateAsUpdate(doc, previousStateVector)`), so replaying
 * the rows up to one gives that checkpoint exactly, deletions included, and a
 * 500-node map with 100 checkpoints costs a few times the map, not a hundred
 * ([HI5], bench/history-size.ts). The live log's compaction (DocUpdate ->
 * DocSnapshot) never reads or touches this table ([HI4]).
 */

export interface CheckpointInfo {
  kind: CheckpointKind
  name?: string
  /** userId of whoever made it (named ones, restores); none for automatic ones. */
  createdBy?: string
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i])

export function createCheckpointStore(db: Db) {
  async function meta(
    rows: Array<{
      id: string
      seq: number
      kind: string
      name: string | null
      createdBy: string | null
      createdAt: Date
      data: Uint8Array
      stateVector: Uint8Array
    }>,
  ): Promise<CheckpointMeta[]> {
    const ids = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))]
    const users = new Map(
      (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
        u.id,
        u.name,
      ]),
    )
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: (CHECKPOINT_KINDS as readonly string[]).includes(r.kind) ? (r.kind as CheckpointKind) : 'auto',
      name: r.name,
      createdBy: r.createdBy ? { id: r.createdBy, name: users.get(r.createdBy) ?? 'someone' } : null,
      createdAt: r.createdAt.toISOString(),
      bytes: r.data.length + r.stateVector.length,
    }))
  }

  return {
    /** Saves the doc as the map's next checkpoint; retried if another instance took the same number. */
    async save(mapId: string, doc: Y.Doc, info: CheckpointInfo, memo: CheckpointMemo = {}): Promise<CheckpointMeta> {
      for (let attempt = 0; ; attempt++) {
        const last = await db.checkpoint.findFirst({
          where: { mapId },
          orderBy: { seq: 'desc' },
          select: { seq: true, stateVector: true },
        })
        const stateVector = Y.encodeStateVector(doc)
        // With no checkpoint before it, the first one carries every deletion.
        const { update: data, deleted } = checkpointUpdate(
          doc,
          last ? new Uint8Array(last.stateVector) : undefined,
          last ? memo.deleted : undefined,
        )
        try {
          const row = await db.checkpoint.create({
            data: {
              id: newId('cp'),
              mapId,
              seq: (last?.seq ?? 0) + 1,
              kind: info.kind,
              name: info.name?.slice(0, CHECKPOINT_NAME_MAX) ?? null,
              createdBy: info.createdBy ?? null,
              data: Buffer.from(data),
              stateVector: Buffer.from(stateVector),
            },
          })
          memo.deleted = deleted
          return (await meta([row]))[0]!
        } catch (err) {
          if (attempt >= 3) throw err
        }
      }
    },

    /** The timeline, oldest first. */
    async list(mapId: string): Promise<CheckpointMeta[]> {
      return meta(await db.checkpoint.findMany({ where: { mapId }, orderBy: { seq: 'asc' } }))
    },

    async get(mapId: string, id: string): Promise<CheckpointMeta | null> {
      const row = await db.checkpoint.findFirst({ where: { mapId, id } })
      return row ? (await meta([row]))[0]! : null
    },

    /** The doc as it was at a checkpoint: its chain replayed in order into a fresh doc. */
    async docAt(mapId: string, id: string): Promise<Y.Doc | null> {
      const target = await db.checkpoint.findFirst({ where: { mapId, id }, select: { seq: true, stateVector: true } })
      if (!target) return null
      const rows = await db.checkpoint.findMany({
        where: { mapId, seq: { lte: target.seq } },
        orderBy: { seq: 'asc' },
        select: { data: true },
      })
      const doc = new Y.Doc()
      doc.transact(() => {
        for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data))
      })
      if (!sameBytes(Y.encodeStateVector(doc), new Uint8Array(target.stateVector))) {
        // Only reachable when instances raced on one map; the content is still every change up to it.
        console.warn(`[history] checkpoint ${id} of ${mapId} replays to a different state vector`)
      }
      return doc
    },

    /** Everything the map's history takes on disk, in bytes of row data (for the size budget, [HI5]). */
    async bytes(mapId: string): Promise<number> {
      const rows = await db.checkpoint.findMany({ where: { mapId }, select: { data: true, stateVector: true } })
      return rows.reduce((sum, r) => sum + r.data.length + r.stateVector.length, 0)
    },
  }
}

export type CheckpointStore = ReturnType<typeof createCheckpointStore>
