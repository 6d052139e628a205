'use client'
import { useReactFlow } from '@xyflow/react'
import type { RelatedArgument } from '@/core/evaluate/neighbours'
import { useEvaluationState } from './EvaluationContext'

const SHOWN = 10
const pct = (x: number) => `${Math.round(x * 100)}%`

/**
 * Arguments bearing on the explained one, each with its own verdict; a click
 * selects it (and brings it into view), so a reader can walk the reasons.
 */
export function RelatedList({ title, items, testId }: { title: string; items: RelatedArgument[]; testId: string }) {
  const { select } = useEvaluationState()
  const flow = useReactFlow()
  if (items.length === 0) return null

  const open = (id: string) => {
    select([id])
    const n = flow.getInternalNode(id)
    if (!n) return
    const { x, y } = n.internals.positionAbsolute
    void flow.setCenter(x + (n.measured.width ?? 0) / 2, y + (n.measured.height ?? 0) / 2, {
      zoom: flow.getZoom(),
      duration: 200,
    })
  }

  return (
    <div className="crux-related" data-testid={testId}>
      <h4>
        {title} ({items.length})
      </h4>
      <ul>
        {items.slice(0, SHOWN).map((r) => (
          <li key={r.relationId}>
            <button
              type="button"
              data-testid="explain-related"
              data-node-id={r.nodeId}
              data-label={r.label}
              onClick={() => open(r.nodeId)}
            >
              <span className={`crux-badge-label crux-label-${r.label}`}>{r.label}</span>{' '}
              <span className="crux-related-text">{r.text}</span>{' '}
              <span className="crux-related-strength">
                {pct(r.strength)}
                {r.inference && r.inference.strength < 1 && ` × ${pct(r.inference.strength)} gets through`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && <p className="crux-hint">and {items.length - SHOWN} more</p>}
    </div>
  )
}
