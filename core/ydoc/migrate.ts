import type * as Y from 'yjs'
import type { Origin } from './origins'
import { SCHEMA_VERSION, metaOf } from './shape'

/**
 * Ordered document migrations. Stored docs outlive the code: migration i
 * lifts a doc from version i to i + 1. Version 0 is a doc without a version.
 */
const MIGRATIONS: ReadonlyArray<(doc: Y.Doc) => void> = [
  // 0 -> 1: the first versioned layout; nothing to move.
  () => {},
]

export function docVersion(doc: Y.Doc): number {
  const v = metaOf(doc).get('schemaVersion')
  return typeof v === 'number' ? v : 0
}

/** Brings a doc up to SCHEMA_VERSION; refuses docs written by newer code. */
export function migrateDoc(doc: Y.Doc, origin: Origin): void {
  const from = docVersion(doc)
  if (from > SCHEMA_VERSION) {
    throw new Error(`document schemaVersion ${from} is newer than this app (${SCHEMA_VERSION})`)
  }
  if (from === SCHEMA_VERSION) return
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(doc)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION)
  }, origin)
}
