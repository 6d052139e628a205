'use client'
import { useCallback, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { choosePerspective, perspectiveOptions } from '@/core/evaluate/perspectives'
import type { ArgumentMap } from '@/core/graph'
import { phaseRefusal } from '@/core/permissions'
import { setVote, type Origin } from '@/core/ydoc'
import type { MapSession } from '../hooks/mapSession'
import { useEvaluation } from '../hooks/useEvaluation'
import type { EvaluationState } from './EvaluationContext'

type Deps = {
  graph: ArgumentMap
  doc: Y.Doc | null
  origin: Origin
  session: MapSession | null
  /** Viewers and commenters see verdicts but cannot vote (the server would refuse the write). */
  readOnly: boolean
  /** Starts a new undo step, so a vote undoes on its own. */
  cut: () => void
}

/**
 * The editor's evaluation: the chosen perspective, badges and verdicts under
 * it, and this person's vote. The perspective is local (each person looks
 * through their own); votes go through the one write path, keyed by the
 * user id and group the server vouched for in the map token.
 */
export function useEditorEvaluation({ graph, doc, origin, session, readOnly, cut }: Deps) {
  const userId = session?.user.id ?? null
  const group = session?.group ?? null
  const [key, setPerspective] = useState('all')
  const options = useMemo(() => perspectiveOptions(graph.votes, userId, group), [graph.votes, userId, group])
  const chosen = choosePerspective(options, key)
  const result = useEvaluation(graph, chosen.perspective)

  // [PP2] A phase without votes hides the vote control, as the server would refuse the vote.
  const phaseAllowsVotes = phaseRefusal(session?.phase, { what: 'vote' }, session?.role === 'owner') === null
  const canVote = doc !== null && !readOnly && userId !== null && phaseAllowsVotes
  const vote = useCallback(
    (nodeId: string, value: number | null) => {
      if (!doc || !userId) return
      cut()
      setVote(doc, { nodeId, userId, value, ...(group ? { group } : {}) }, origin)
    },
    [doc, userId, group, origin, cut],
  )

  const state: Omit<EvaluationState, 'select'> = useMemo(
    () => ({
      graph: result?.graph ?? graph,
      evaluation: result?.evaluation ?? null,
      perspective: chosen,
      options,
      setPerspective,
      userId,
      vote: canVote ? vote : null,
    }),
    [result, graph, chosen, options, userId, canVote, vote],
  )
  return { badges: result?.badges, state }
}
