import * as Y from 'yjs'
import type { MapStore } from '@/server/store/MapStore'
import { probeKey, probeSentAt, type Scenario } from './workload'

/**
 * How many of a scenario's probe edits the store holds, polling until all
 * are there or `timeoutMs` passes. It reads through the MapStore, as the
 * server would on its next load, so it checks what a restart would recover.
 */
export async function awaitPersisted(
  store: MapStore,
  room: string,
  scenario: Pick<Scenario, 'clients' | 'editsPerClient'>,
  timeoutMs: number,
): Promise<number> {
  const expected = scenario.clients * scenario.editsPerClient
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const found = countProbes((await store.load(room)).updates, scenario)
    if (found === expected || performance.now() > deadline) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Every probe key the stored updates hold, out of the ones the scenario sent. */
export function countProbes(
  updates: readonly Uint8Array[],
  scenario: Pick<Scenario, 'clients' | 'editsPerClient'>,
): number {
  const doc = new Y.Doc()
  try {
    for (const update of updates) Y.applyUpdate(doc, update)
    let found = 0
    for (let c = 0; c < scenario.clients; c++) {
      for (let n = 0; n < scenario.editsPerClient; n++) if (probeSentAt(doc, probeKey(c, n)) !== undefined) found++
    }
    return found
  } finally {
    doc.destroy()
  }
}
