import * as Y from 'yjs'
import { MapGoneError, type MapStore } from '../store/MapStore'

export interface PersistOptions {
  /** Bound on how long a local update waits in memory before it is appended. */
  delayMs: number
  /**
   * [DU3] The same bound for updates applied from the bus (another instance's
   * edits, which that instance appends too): longer, so a receiver writes one
   * merged row per window instead of one per edit.
   */
  busDelayMs?: number
  /** Fold the log into a snapshot once it holds this many rows. */
  compactAfter: number
  onError: (err: unknown) => void
  /** [DU1] The longest pause between two attempts of a failing append. */
  maxBackoffMs?: number
  /** [DU2] An append still running after this long counts as not saved. */
  slowMs?: number
  /** [DU1] Pending updates larger than this, merged, are replaced by the doc's whole (garbage-collected) state. */
  compressAboveBytes?: number
  /** [DU9] Told, after each successful append, how long its oldest edit waited (ms). */
  onCommitted?: (waitedMs: number) => void
}

/**
 * [DU8] What compaction stores in place of the log up to a cut. Given the
 * highest position this queue knows to be in the store (what it loaded or
 * last appended), it returns the snapshot and the cut it covers. Without
 * one, the queue reads the log back and merges it (`Y.mergeUpdates`).
 */
export type Snapshotter = (knownHead: number) => Promise<{ snapshot: Uint8Array; upTo: number }>

/** What a room tells its clients: the time since which edits are not in the store, or null. */
export type SaveStateListener = (unsavedSince: number | null) => void

const FIRST_BACKOFF_MS = 100
const DEFAULT_MAX_BACKOFF_MS = 5_000
const DEFAULT_SLOW_MS = 2_000
const DEFAULT_COMPRESS_ABOVE_BYTES = 256 * 1024
/**
 * [DU1] Pending updates are merged into one once there are this many. A merge
 * keeps deleted text, so a merged update grows with the typing; past
 * `compressAboveBytes` it is swapped for the doc's whole state, which holds
 * every pending update (Yjs applies it idempotently) with deleted content
 * collected. During an outage of any length the queue's memory therefore
 * stays below max(compressAboveBytes, the doc's encoded size) plus
 * MERGE_PENDING_AT fresh updates.
 */
export const MERGE_PENDING_AT = 64

/**
 * Group commit for one map: updates arriving within `delayMs` are merged into
 * one appended row. [DU1] A failed append keeps its batch and retries, with a
 * capped back-off, for as long as it takes; updates arriving meanwhile are
 * merged into the batch being retried. Only a map deleted under us ends the
 * retries (there is nothing left to save to).
 */
export class PersistQueue {
  private pending: Uint8Array[] = []
  /** When the oldest update in `pending` arrived. */
  private pendingSince: number | null = null
  /** When the oldest update of the batch being appended arrived. */
  private batchSince: number | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private timerDue = Infinity
  /** The batch being appended (and retried): still memory the queue holds. */
  private inFlight: Uint8Array | null = null
  private draining: Promise<void> | null = null
  private wake: (() => void) | null = null
  private rowsSinceSnapshot = 0
  private unsaved: number | null = null
  private gone = false
  /** The highest store position this queue loaded or appended. */
  private knownHead = 0

  constructor(
    private readonly store: MapStore,
    private readonly mapId: string,
    private readonly options: PersistOptions,
    private readonly onSaveState: SaveStateListener = () => {},
    /** The live doc's whole state, for compressing a long backlog (see MERGE_PENDING_AT). */
    private readonly fullState?: () => Uint8Array,
    private readonly snapshotter?: Snapshotter,
  ) {}

  /** Rows the store held beyond its snapshot when the room loaded (the compaction trigger counts from there), and its head. */
  loaded(rows: number, head = 0): void {
    this.rowsSinceSnapshot += rows
    this.knownHead = Math.max(this.knownHead, head)
  }

  push(update: Uint8Array, source: 'local' | 'bus' = 'local'): void {
    if (this.gone) return
    this.pending.push(update)
    this.pendingSince ??= Date.now()
    if (this.pending.length >= MERGE_PENDING_AT) this.pending = [this.merge(this.pending)]
    const window = source === 'bus' ? (this.options.busDelayMs ?? this.options.delayMs) : this.options.delayMs
    const now = Date.now()
    const due = tickAfter(now, window)
    if (due >= this.timerDue) return
    clearTimeout(this.timer)
    this.timerDue = due
    this.timer = setTimeout(() => void this.start(), due - now)
  }

  /**
   * Resolves once everything pushed so far is in the store; while the store
   * fails it does not resolve (callers that must stop bound their wait).
   * A pending retry is attempted at once.
   */
  flush(): Promise<void> {
    this.wake?.()
    return this.start()
  }

  /** Starts writing what is pending; a back-off under way is left to run (a new edit must not hammer a failing store). */
  private start(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.timerDue = Infinity
    this.draining ??= this.drain().finally(() => (this.draining = null))
    return this.draining
  }

  /** The time since which some edit waits to be stored, or null when everything is stored. */
  get unsavedSince(): number | null {
    return this.unsaved
  }

  /** How long the oldest edit not yet in the store has waited, in ms (0 when none waits). */
  lagMs(now = Date.now()): number {
    const oldest = Math.min(this.batchSince ?? Infinity, this.pendingSince ?? Infinity)
    return oldest === Infinity ? 0 : now - oldest
  }

  /** Bytes held in memory for the store: the pending updates and the batch being appended. */
  get pendingBytes(): number {
    return this.pending.reduce((n, u) => n + u.byteLength, this.inFlight?.byteLength ?? 0)
  }

  /** How many separate updates wait in memory (bounded by MERGE_PENDING_AT). */
  get pendingCount(): number {
    return this.pending.length
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.gone) {
      this.batchSince = this.pendingSince
      this.pendingSince = null
      const batch = this.merge(this.pending)
      this.pending = []
      await this.appendUntilStored(batch)
      if (!this.gone && this.batchSince !== null) this.options.onCommitted?.(Date.now() - this.batchSince)
      this.batchSince = null
      // What arrived during this append is fresh: if it fails, the signal comes back.
      this.setUnsaved(null)
    }
    if (this.rowsSinceSnapshot >= this.options.compactAfter && !this.gone) await this.compact()
  }

  private async appendUntilStored(first: Uint8Array): Promise<void> {
    let batch = first
    for (let attempt = 0; ; attempt++) {
      // Whatever arrived during a back-off joins the retried batch: one append when the store is back.
      if (attempt > 0 && this.pending.length > 0) {
        batch = this.merge([batch, ...this.pending])
        this.pending = []
        this.batchSince = Math.min(this.batchSince ?? Infinity, this.pendingSince ?? Infinity)
        this.pendingSince = null
      }
      this.inFlight = batch
      // [DU2] A store that hangs is as unsaved as one that fails.
      const slow = setTimeout(() => this.setUnsaved(this.batchSince), this.options.slowMs ?? DEFAULT_SLOW_MS)
      try {
        this.knownHead = Math.max(this.knownHead, await this.store.append(this.mapId, [batch]))
        this.rowsSinceSnapshot++
        return
      } catch (err) {
        if (err instanceof MapGoneError) {
          this.gone = true
          this.pending = []
          this.pendingSince = null
          return
        }
        this.options.onError(err)
        this.setUnsaved(this.batchSince)
        await this.pause(backoffMs(attempt, this.options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS))
      } finally {
        clearTimeout(slow)
        this.inFlight = null
      }
    }
  }

  private merge(updates: Uint8Array[]): Uint8Array {
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    if (!this.fullState || merged.byteLength <= (this.options.compressAboveBytes ?? DEFAULT_COMPRESS_ABOVE_BYTES))
      return merged
    const full = this.fullState()
    return full.byteLength < merged.byteLength ? full : merged
  }

  /** A back-off pause that `flush` cuts short, so a stop retries at once. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      const wake = () => done()
      this.wake = wake
      function done() {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => (this.wake = null))
  }

  private setUnsaved(since: number | null): void {
    if (since === this.unsaved || (since !== null && this.unsaved !== null)) return
    this.unsaved = since
    this.onSaveState(since)
  }

  /** [DU8] The room's snapshotter when it has one; otherwise the log read back from the store, merged. */
  private async compact(): Promise<void> {
    try {
      const { snapshot, upTo } = this.snapshotter
        ? await this.snapshotter(this.knownHead)
        : await this.store
            .load(this.mapId)
            .then(({ updates, head }) => ({ snapshot: Y.mergeUpdates(updates), upTo: head }))
      await this.store.compact(this.mapId, snapshot, upTo)
      this.rowsSinceSnapshot = 0
    } catch (err) {
      // The log stays as it is (nothing is lost); the next drain tries again.
      this.options.onError(err)
    }
  }
}

/**
 * [ST8] The first tick of a `window`-ms clock grid after `now`: every room's
 * queue with the same window fires on the same tick, so their appends reach
 * the store in one turn of the event loop (one SQLite transaction for all),
 * and no update waits longer than `window`.
 */
export function tickAfter(now: number, window: number): number {
  if (window <= 0) return now
  return now - (now % window) + window
}

/** 100 ms, 200 ms, 400 ms … up to `max`. */
export function backoffMs(attempt: number, max: number): number {
  return Math.min(max, FIRST_BACKOFF_MS * 2 ** Math.min(attempt, 20))
}
