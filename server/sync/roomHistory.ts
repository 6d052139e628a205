import type { CheckpointInfo, CheckpointMemo, CheckpointMeta, CheckpointStore } from '../history/checkpointStore'

/** Where a room's checkpoints go; absent in bare harnesses (no history then). */
export type RoomHistory = Pick<CheckpointStore, 'save'> & {
  /** Whether the map has any checkpoint yet ([ST10]: `HotReads.hasCheckpoint`, read when the room opens). */
  hasAny(mapId: string): Promise<boolean>
  /** [HI1] How long after the first change since the last checkpoint an automatic one is taken. */
  everyMs: number
}

/**
 * One room's automatic checkpoints ([HI1]): a change starts a timer, and
 * when it fires the doc is saved if it changed since the last checkpoint; the
 * session's end (the room closing when the last person leaves) saves it too.
 * Named checkpoints and restores go through `take` as well, so a change is
 * never counted twice.
 */
export class RoomCheckpoints {
  private dirty = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private closed = false
  /** The deletions at this room's last checkpoint: the next stores only newer ones. */
  private readonly memo: CheckpointMemo = {}

  constructor(
    private readonly mapId: string,
    private readonly doc: Parameters<CheckpointStore['save']>[1],
    private readonly history: RoomHistory,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  /** A map that has no checkpoint yet gets its first one at the next chance, as a baseline. */
  async loaded(): Promise<void> {
    // Unknown (the database did not answer): take one at the next chance rather than fail the room.
    this.dirty = !(await this.history.hasAny(this.mapId).catch(() => false))
  }

  /** A change that is not from the store or another instance (they checkpoint their own). */
  changed(): void {
    this.dirty = true
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.take({ kind: 'auto' }).catch((err) => this.log('automatic checkpoint failed', err))
    }, this.history.everyMs)
    this.timer.unref?.()
  }

  /** Saves a checkpoint now. Automatic kinds are skipped when nothing changed since the last one. */
  async take(request: CheckpointInfo): Promise<CheckpointMeta | null> {
    const automatic = request.kind === 'auto' || request.kind === 'session'
    if (automatic && !this.dirty) return null
    // Cleared first: a change arriving while this saves marks the doc dirty again.
    this.dirty = false
    try {
      return await this.history.save(this.mapId, this.doc, request, this.memo)
    } catch (err) {
      this.dirty = true
      throw err
    }
  }

  /** [HI1] The session ended: the last change gets its checkpoint before the room lets go of the doc. */
  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.timer)
    await this.take({ kind: 'session' }).catch((err) => this.log('session-end checkpoint failed', err))
  }
}
