import * as Y from 'yjs'
import { writeSyncStep2Of, writeUpdate } from './protocol'

/**
 * [SY10] The first person to open a map nobody has open is sent the map as
 * the store holds it, before the room builds its own doc from it. Building a
 * 2,000-node doc costs as much as the client's own decoding of it; sent
 * first, the two run at once in two processes instead of one after the
 * other. The frames: the later rows as Updates, then the first stored update
 * (the snapshot, or the map's first state) as the SyncStep2 the stock client
 * marks itself synced on, so by then it holds everything the store had
 * (rows that arrived before their base wait in the client's pending
 * structs; Yjs applies them with the base).
 */
export function storedStateFrames(updates: readonly Uint8Array[]): Uint8Array[] {
  if (updates.length === 0) return []
  return [...updates.slice(1).map(writeUpdate), writeSyncStep2Of(updates[0]!)]
}

/**
 * [SY10] The state vector to answer a SyncStep1 against when the peer was
 * already sent the stored state (`baseline`: the room's state vector right
 * after applying it): the client's own, raised to the baseline. Its SyncStep1
 * left before our frames arrived, so it claims less than it has; answering it
 * as sent would send the whole map twice.
 */
export function raisedStateVector(clientVector: Uint8Array, baseline: ReadonlyMap<number, number>): Uint8Array {
  const raised = Y.decodeStateVector(clientVector)
  for (const [client, clock] of baseline) raised.set(client, Math.max(clock, raised.get(client) ?? 0))
  return Y.encodeStateVector(raised)
}
