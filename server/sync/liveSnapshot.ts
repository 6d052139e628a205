import * as Y from 'yjs'
import { STORAGE_ORIGIN } from '../../core/ydoc'
import type { MapStore } from '../store/MapStore'
import type { Snapshotter } from './persistQueue'

/** Yields to the event loop, so other rooms' frames run between two slices of compaction work. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * [DU8] Compaction from the room's live document instead of merging the
 * whole log with `Y.mergeUpdates` (a 93 ms stall on the event loop in the
 * profiles; encoding a live doc costs a few ms and drops garbage-collected
 * deletions the merged log kept).
 *
 * - Alone (no bus): everything in the store up to the queue's known head was
 *   loaded into this doc or appended from it, so the doc's state covers the
 *   log up to that head. Edits still pending are in the snapshot too, and
 *   appended again after the cut: Yjs applies them twice harmlessly.
 * - With a bus (scale-out): other instances append rows this doc may not
 *   have yet (the bus can drop or delay a message). The log is read back and
 *   applied to the live doc first, one row per turn of the event loop (known
 *   structs are skipped; what was missing also heals the room, as [SO4]'s
 *   re-read does), and only then is the doc encoded, with the cut at the head
 *   that was read. The snapshot therefore holds every row it replaces.
 *
 * Compaction touches the update log only (`DocUpdate` rows folded into
 * `DocSnapshot`); nothing else a map keeps is read or written here.
 */
export function liveSnapshotter(doc: Y.Doc, store: MapStore, mapId: string, shared: boolean): Snapshotter {
  if (!shared) return async (knownHead) => ({ snapshot: Y.encodeStateAsUpdate(doc), upTo: knownHead })
  return async () => {
    const { updates, head } = await store.load(mapId)
    for (const update of updates) {
      await yieldToLoop()
      Y.applyUpdate(doc, update, STORAGE_ORIGIN)
    }
    return { snapshot: Y.encodeStateAsUpdate(doc), upTo: head }
  }
}
