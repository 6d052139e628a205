/** A point in a map's history, as the timeline shows it ([HI] in server/sync/SPEC.md). */
export const CHECKPOINT_KINDS = ['auto', 'session', 'named', 'restore'] as const
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number]

export const CHECKPOINT_NAME_MAX = 120

export interface CheckpointMeta {
  id: string
  seq: number
  kind: CheckpointKind
  name: string | null
  createdBy: { id: string; name: string } | null
  createdAt: string
  /** Bytes this checkpoint adds on disk (its update and state vector). */
  bytes: number
}

export interface RestoreResult {
  /** The checkpoint taken just before, which an undo restores the touched nodes to. */
  before: CheckpointMeta
  /** [HI3] The restore is itself a checkpoint. */
  after: CheckpointMeta
  /** Nodes the restore wrote or removed: what an undo puts back. */
  touched: string[]
  counts: { nodes: number; relations: number; votes: number; removed: number }
}

/** How the timeline names a checkpoint. */
export function checkpointLabel(c: Pick<CheckpointMeta, 'kind' | 'name' | 'seq'>): string {
  if (c.name) return c.name
  return c.kind === 'session' ? 'Session ended' : c.kind === 'auto' ? 'Automatic checkpoint' : `Checkpoint ${c.seq}`
}
