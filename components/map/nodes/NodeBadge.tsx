import type { Badge } from '../flow/types'

/** Evaluation result for one node: label plus a strength bar. Empty without one. */
export function NodeBadge({ badge }: { badge?: Badge }) {
  if (!badge) return null
  const pct = Math.round(Math.max(0, Math.min(1, badge.strength)) * 100)
  return (
    <div
      className={`crux-badge crux-badge-${badge.label}`}
      title={badge.why}
      data-testid="node-badge"
      data-label={badge.label}
    >
      <span className="crux-badge-label">{badge.label}</span>
      <span
        className="crux-badge-bar"
        role="meter"
        aria-label="strength"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={{ width: `${pct}%` }} />
      </span>
    </div>
  )
}
