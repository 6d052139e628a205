'use client'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Contributor } from '@/core/graph'
import {
  contributors,
  nodesOf,
  readAuthorship,
  readTrash,
  recordEntries,
  relationsOf,
  type Authorship,
  type TrashEntry,
} from '@/core/ydoc'

export type Contributions = {
  /** Who created and last edited each node and relation ([PA1]). */
  byRecord: ReadonlyMap<string, Authorship>
  /** Everyone the server bound, by userId. */
  people: ReadonlyMap<string, Contributor>
  /** "Recently deleted", newest first ([PA9]). */
  trash: readonly TrashEntry[]
  /**
   * Records this replica wrote whose clientID the server has not bound back yet: they are this
   * person's ([PA1] binds the writer on arrival), though `byRecord` cannot name them until the
   * binding returns. Without this a fresh node read as nobody's under the own-work policy.
   */
  writtenHere: ReadonlySet<string>
}

const EMPTY: Contributions = { byRecord: new Map(), people: new Map(), trash: [], writtenHere: new Set() }

function writtenHere(doc: Y.Doc, byRecord: ReadonlyMap<string, Authorship>): Set<string> {
  const out = new Set<string>()
  for (const map of [nodesOf(doc), relationsOf(doc)]) {
    for (const [id, record] of recordEntries(map)) {
      const client = (record as { _item?: { id: { client: number } } | null })._item?.id.client
      if (client === doc.clientID && !byRecord.get(id)?.createdBy) out.add(id)
    }
  }
  return out
}

/** Authorship and the trash, re-read after every doc update (like useGraph). */
export function useContributions(doc: Y.Doc | null): Contributions {
  const [state, setState] = useState<Contributions>(EMPTY)
  useEffect(() => {
    if (!doc) return
    const refresh = () => {
      const byRecord = readAuthorship(doc)
      setState({ byRecord, people: contributors(doc), trash: readTrash(doc), writtenHere: writtenHere(doc, byRecord) })
    }
    refresh()
    doc.on('update', refresh)
    return () => doc.off('update', refresh)
  }, [doc])
  return state
}
