'use client'
import { useMemo, useRef } from 'react'
import type { ArgumentMap } from '@/core/graph'
import { evaluate, EVERYONE, type Evaluation, type Perspective } from '@/core/evaluate'
import type { Badge } from '../flow/types'

export type EvaluationResult = {
  badges: ReadonlyMap<string, Badge>
  evaluation: Evaluation
  /** The graph this evaluation is of: the explain panel names nodes from it. */
  graph: ArgumentMap
}

/**
 * Labels and strengths for the badges, under the chosen perspective [VP3],
 * computed in the same render as the graph change. Not deferred: on a
 * 1,000-node map evaluation takes 1–2 ms, while a deferred result cost a
 * second render per edit, and with it a second pass of React Flow over every
 * node (the larger cost by far). Badges that did not change keep their
 * identity, so only nodes whose verdict moved re-render.
 */
export function useEvaluation(graph: ArgumentMap, perspective: Perspective = EVERYONE): EvaluationResult | null {
  const previous = useRef<Map<string, Badge>>(new Map())
  return useMemo(() => {
    const started = performance.now()
    let evaluation
    try {
      evaluation = evaluate(graph, { perspective, repaired: true })
    } catch (err) {
      // A bug in evaluation must not take the editor down with it.
      console.error('evaluation failed', err)
      return null
    }
    const badges = new Map<string, Badge>()
    for (const [id, e] of evaluation.nodes) {
      const old = previous.current.get(id)
      const same = old && old.label === e.label && old.strength === e.strength && old.why === e.why
      badges.set(id, same ? old : { label: e.label, strength: e.strength, why: e.why })
    }
    previous.current = badges
    timingSink()?.push(performance.now() - started)
    return { badges, evaluation, graph }
  }, [graph, perspective])
}

/**
 * bench/editor-fps.ts sets `window.__cruxEvaluateMs = []` before the page
 * loads to read what evaluation costs in the real bundle; absent otherwise,
 * so nothing accumulates in a normal session.
 */
function timingSink(): number[] | undefined {
  return (globalThis as { __cruxEvaluateMs?: number[] }).__cruxEvaluateMs
}
