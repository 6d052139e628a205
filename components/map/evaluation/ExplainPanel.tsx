'use client'
import './evaluation.css'
import { inferenceStatus, LABEL_MEANING, nodeNeighbours } from '@/core/evaluate/neighbours'
import { useEvaluationState } from './EvaluationContext'
import { RelatedList } from './RelatedList'
import { VoteControl } from './VoteControl'

const num = (x: number) => x.toFixed(2)

/**
 * Why the selected node has its badge: what the label means, how votes set
 * its base and attack and support moved it, and which arguments did it. For
 * a selected support: whether the step from supporter to target holds.
 */
export function ExplainPanel({ selectedId }: { selectedId: string | undefined }) {
  const { graph, evaluation, perspective } = useEvaluationState()
  if (!selectedId) return null
  const isNode = graph.nodes.some((n) => n.id === selectedId)
  const isSupport = graph.relations.some((r) => r.id === selectedId && r.kind === 'supports')
  if (!isNode && !isSupport) return null
  if (!evaluation) return <p className="crux-hint">Evaluating…</p>

  if (isSupport) {
    const status = inferenceStatus(graph, evaluation, selectedId)
    if (!status) return null
    return (
      <section className="crux-explain" aria-label="Explanation" data-testid="explain-panel">
        <h3>Does this support hold?</h3>
        <p data-testid="explain-inference" data-label={status.label}>
          <span className={`crux-badge-label crux-label-${status.label}`}>{status.label}</span>{' '}
          {status.label === 'IN'
            ? 'The step holds.'
            : status.label === 'OUT'
              ? 'The step is undercut.'
              : 'The step is undecided.'}{' '}
          {Math.round(status.strength * 100)}% of “{status.supporter.text}” reaches “{status.target.text}”.
        </p>
        <p className="crux-explain-why">{status.why}</p>
        <RelatedList title="Undercut by" items={status.undercutters} testId="explain-undercutters" />
      </section>
    )
  }

  const verdict = evaluation.nodes.get(selectedId)
  if (!verdict) return null
  const { attackers, supporters } = nodeNeighbours(graph, evaluation, selectedId)
  return (
    <section className="crux-explain" aria-label="Explanation" data-testid="explain-panel">
      <VoteControl nodeId={selectedId} />
      <h3>Why this verdict</h3>
      <p data-testid="explain-label" data-label={verdict.label}>
        <span className={`crux-badge-label crux-label-${verdict.label}`}>{verdict.label}</span>{' '}
        {LABEL_MEANING[verdict.label]}
      </p>
      <dl className="crux-explain-numbers" data-testid="explain-strength" data-strength={verdict.strength.toFixed(4)}>
        <dt>Strength</dt>
        <dd>
          {num(verdict.strength)}{' '}
          <span className="crux-hint">
            from base {num(verdict.base)} ({perspective.label.toLowerCase()})
          </span>
        </dd>
        <dt>Attack</dt>
        <dd>{num(verdict.attack)}</dd>
        <dt>Support</dt>
        <dd>{num(verdict.support)}</dd>
      </dl>
      <p className="crux-explain-why" data-testid="explain-why">
        {verdict.why}
      </p>
      <RelatedList title="Attacked by" items={attackers} testId="explain-attackers" />
      <RelatedList title="Supported by" items={supporters} testId="explain-supporters" />
    </section>
  )
}
