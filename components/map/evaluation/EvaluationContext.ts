'use client'
import { createContext, useContext } from 'react'
import type { Evaluation } from '@/core/evaluate'
import type { PerspectiveOption } from '@/core/evaluate/perspectives'
import { emptyMap, type ArgumentMap } from '@/core/graph'

/**
 * What the explain panel, the vote buttons and the perspective menu share.
 * A context rather than props so the Inspector and Toolbar only mount them.
 */
export type EvaluationState = {
  /** The graph `evaluation` was computed from, so names and verdicts agree. */
  graph: ArgumentMap
  /** Null while the first evaluation is pending or if evaluation failed. */
  evaluation: Evaluation | null
  perspective: PerspectiveOption
  options: PerspectiveOption[]
  setPerspective(key: string): void
  /** This person's id for "my vote"; null before the server said who we are. */
  userId: string | null
  /** Writes or clears (null) this person's 0–4 vote; null when they may not vote. */
  vote: ((nodeId: string, value: number | null) => void) | null
  /** Selects a node or relation on the canvas (works for viewers too). */
  select(ids: string[]): void
}

const EVERYONE_OPTION: PerspectiveOption = { key: 'all', label: 'Everyone', perspective: { kind: 'all' } }

export const EvaluationContext = createContext<EvaluationState>({
  graph: emptyMap(''),
  evaluation: null,
  perspective: EVERYONE_OPTION,
  options: [EVERYONE_OPTION],
  setPerspective: () => {},
  userId: null,
  vote: null,
  select: () => {},
})

export const useEvaluationState = () => useContext(EvaluationContext)
