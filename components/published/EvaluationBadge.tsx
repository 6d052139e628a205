import type { Badge as PublishedBadge } from '@/components/map/flow/types'
import { VERDICT_WORDS } from '@/core/evaluate'
import styles from './published.module.css'

/** "IN · strength 0.62", with the verdict spelled out for screen readers and the reason as a tooltip. */
export function EvaluationBadge({ badge }: { badge?: PublishedBadge }) {
  if (!badge) return null
  const strength = badge.strength.toFixed(2)
  return (
    <span
      className={`${styles.badge} ${styles[`badge${badge.label}`]}`}
      title={badge.why}
      data-testid="outline-badge"
      data-label={badge.label}
      aria-label={`Evaluation: ${VERDICT_WORDS[badge.label]}, strength ${strength}`}
    >
      {badge.label} · strength {strength}
    </span>
  )
}
