import type { Badge as PublishedBadge } from '@/components/map/flow/types'
import styles from './published.module.css'

const SPOKEN: Record<PublishedBadge['label'], string> = {
  IN: 'accepted (IN)',
  OUT: 'defeated (OUT)',
  UNDEC: 'undecided (UNDEC)',
}

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
      aria-label={`Evaluation: ${SPOKEN[badge.label]}, strength ${strength}`}
    >
      {badge.label} · strength {strength}
    </span>
  )
}
