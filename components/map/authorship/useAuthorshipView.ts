'use client'
import { useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { ArgumentMap } from '@/core/graph'
import type { MapSession } from '../hooks/mapSession'
import { useContributions } from '../hooks/useContributions'
import { editPolicy, nodeAuthors } from './editPolicy'

/** '' for everyone, `u:<userId>` for one person, `t:<team>` for one team. */
export type ContributionFilter = string

/**
 * Everything the editor shows about who wrote what ([PA1]) and may do what
 * ([PA5], [PA7]): authors on nodes, the nodes this person cannot move, the
 * contributions filter, and the trash.
 */
export function useAuthorshipView(doc: Y.Doc | null, graph: ArgumentMap, session: MapSession | null) {
  const contributions = useContributions(doc)
  const { byRecord, people } = contributions
  const [filter, setFilter] = useState<ContributionFilter>('')
  const mine = contributions.writtenHere
  const policy = useMemo(
    () => editPolicy(session, graph, byRecord, people, mine),
    [session, graph, byRecord, people, mine],
  )
  // [PN1] Owners of an anonymous map get every member's real name from the server; students see the doc's pseudonyms.
  const realNames = session?.realNames
  const authors = useMemo(() => {
    const shown = nodeAuthors(graph, byRecord)
    if (!realNames) return shown
    for (const [id, a] of shown) {
      const real = realNames[byRecord.get(id)?.createdBy?.userId ?? '']
      if (real) shown.set(id, { ...a, name: real })
    }
    return shown
  }, [graph, byRecord, realNames])
  const fixed = useMemo(
    () => new Set(graph.nodes.filter((n) => policy.refusal(n.id)).map((n) => n.id)),
    [graph, policy],
  )
  const faded = useMemo(() => {
    if (!filter) return undefined
    const matches = (userId: string | undefined) => {
      if (!userId) return false
      if (filter.startsWith('u:')) return userId === filter.slice(2)
      return people.get(userId)?.group === filter.slice(2)
    }
    return new Set(graph.nodes.filter((n) => !matches(byRecord.get(n.id)?.createdBy?.userId)).map((n) => n.id))
  }, [filter, graph, byRecord, people])
  return { contributions, policy, authors, fixed, faded, filter, setFilter }
}
