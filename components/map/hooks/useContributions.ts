'use client'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Contributor } from '@/core/graph'
import { contributors, readAuthorship, readTrash, type Authorship, type TrashEntry } from '@/core/ydoc'

export type Contributions = {
  /** Who created and last edited each node and relation ([PA1]). */
  byRecord: ReadonlyMap<string, Authorship>
  /** Everyone the server bound, by userId. */
  people: ReadonlyMap<string, Contributor>
  /** "Recently deleted", newest first ([PA9]). */
  trash: readonly TrashEntry[]
}

const EMPTY: Contributions = { byRecord: new Map(), people: new Map(), trash: [] }

/** Authorship and the trash, re-read after every doc update (like useGraph). */
export function useContributions(doc: Y.Doc | null): Contributions {
  const [state, setState] = useState<Contributions>(EMPTY)
  useEffect(() => {
    if (!doc) return
    const refresh = () => setState({ byRecord: readAuthorship(doc), people: contributors(doc), trash: readTrash(doc) })
    refresh()
    doc.on('update', refresh)
    return () => doc.off('update', refresh)
  }, [doc])
  return state
}
