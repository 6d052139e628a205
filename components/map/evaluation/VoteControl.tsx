'use client'
import { useRef, type KeyboardEvent } from 'react'
import { MAX_VOTE } from '@/core/evaluate'
import { voteSummary } from '@/core/evaluate/perspectives'
import { useEvaluationState } from './EvaluationContext'

const VALUES = Array.from({ length: MAX_VOTE + 1 }, (_, i) => i)
/** Kialo-style impact: how much this node should weigh, 0 (none) to 4 (decisive). */
const MEANING = ['no weight', 'weak', 'moderate', 'strong', 'decisive'] as const

/**
 * This person's 0–4 vote on one node, as a radio group (arrow keys move and
 * vote, like any radio group), with everyone's tally. Viewers see the tally only.
 */
export function VoteControl({ nodeId }: { nodeId: string }) {
  const { graph, userId, vote } = useEvaluationState()
  const { count, mean, mine } = voteSummary(graph.votes, nodeId, userId)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0
    if (!step || !vote) return
    e.preventDefault()
    // From the focused button, not from `mine`: the doc may not have caught up with a quick second press.
    const focused = Number((e.target as HTMLElement).dataset.value ?? mine ?? 0)
    const next = Math.min(MAX_VOTE, Math.max(0, focused + step))
    vote(nodeId, next)
    buttons.current[next]?.focus()
  }

  const summary =
    count === 0 ? 'No votes yet' : `${count} vote${count === 1 ? '' : 's'}, mean ${mean!.toFixed(1)} of ${MAX_VOTE}`

  return (
    <section className="crux-vote" aria-label="Your vote">
      <h3>Your vote</h3>
      {vote ? (
        <div className="crux-vote-buttons">
          <div role="radiogroup" aria-label="How much this should weigh, 0 to 4" onKeyDown={onKeyDown}>
            {VALUES.map((v) => (
              <button
                key={v}
                ref={(el) => {
                  buttons.current[v] = el
                }}
                type="button"
                role="radio"
                aria-checked={mine === v}
                // Roving focus: Tab lands on the current vote (or 0), arrows move within.
                tabIndex={(mine ?? 0) === v ? 0 : -1}
                title={`${v}: ${MEANING[v]}`}
                data-testid={`vote-${v}`}
                data-value={v}
                className={mine === v ? 'is-on' : undefined}
                onClick={() => vote(nodeId, v)}
              >
                {v}
              </button>
            ))}
          </div>
          <button type="button" data-testid="vote-clear" disabled={mine === null} onClick={() => vote(nodeId, null)}>
            Clear
          </button>
        </div>
      ) : (
        <p className="crux-hint">Only editors can vote.</p>
      )}
      <p className="crux-vote-summary" data-testid="vote-summary" data-count={count}>
        {summary}
      </p>
    </section>
  )
}
