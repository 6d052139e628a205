import * as Y from 'yjs'
import type { MapStore } from '../store/MapStore'

const MAX_ATTEMPTS = 6

export interface PersistOptions {
  /** Bound on how long an update waits in memory before it is appended. */
  delayMs: number
  /** Fold the log into a snapshot once it holds this many rows. */
  compactAfter: number
  onError: (err: unknown) => void
}

/**
 * Group commit for one map: updates arriving within `delayMs` are merged into
 * one appended row. A failed append keeps its updates and retries, so a
 * database hiccup delays persistence but loses nothing.
 */
export class PersistQueue {
  private pending: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private chain: Promise<void> = Promise.resolve()
  private rowsSinceSnapshot: number

  constructor(
    private readonly store: MapStore,
    private readonly mapId: string,
    private readonly options: PersistOptions,
    loadedRows: number,
  ) {
    this.rowsSinceSnapshot = loadedRows
  }

  push(update: Uint8Array): void {
    this.pending.push(update)
    this.timer ??= setTimeout(() => void this.flush(), this.options.delayMs)
  }

  /** Resolves once everything pushed so far is in the store. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.chain = this.chain.then(() => this.writePending())
    return this.chain
  }

  private async writePending(): Promise<void> {
    let failures = 0
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0)
      try {
        await this.store.append(this.mapId, [Y.mergeUpdates(batch)])
        this.rowsSinceSnapshot++
        failures = 0
      } catch (err) {
        this.options.onError(err)
        // A map deleted under us fails forever; anything else gets retried.
        if (++failures >= MAX_ATTEMPTS) return
        this.pending.unshift(...batch)
        await new Promise((r) => setTimeout(r, 100 * 2 ** failures))
      }
    }
    if (this.rowsSinceSnapshot >= this.options.compactAfter) await this.compact()
  }

  /** Snapshot from what the store holds, not from memory: other instances may have appended. */
  private async compact(): Promise<void> {
    try {
      const { updates, head } = await this.store.load(this.mapId)
      await this.store.compact(this.mapId, Y.mergeUpdates(updates), head)
      this.rowsSinceSnapshot = 0
    } catch (err) {
      this.options.onError(err)
    }
  }
}
