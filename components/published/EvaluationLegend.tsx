'use client'
import type { KeyboardEvent } from 'react'
import styles from './EvaluationLegend.module.css'

/** Escape folds an open legend and gives focus back to its "?" (a disclosure, so no focus trap). */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>) {
  const details = e.currentTarget
  if (e.key !== 'Escape' || !details.open) return
  e.stopPropagation() // the editor's own Escape (clear the selection) is not meant
  details.open = false
  details.querySelector('summary')?.focus()
}

/**
 * What the badges mean, in plain words, for readers who have never heard of grounded semantics or DF-QuAD.
 * A <details> so it costs no space until asked for, and works without scripts (published pages, embeds);
 * the compact "?" is the same legend in the editor's header and the embed's.
 */
export function EvaluationLegend({ compact = false }: { compact?: boolean }) {
  return (
    <details
      className={compact ? `${styles.legend} ${styles.compact}` : styles.legend}
      data-testid="evaluation-legend"
      onKeyDown={closeOnEscape}
    >
      <summary data-testid="evaluation-legend-toggle">
        {compact ? '?' : 'What do IN, OUT and UNDEC mean?'}
        {compact ? <span className="visually-hidden"> What do IN, OUT and UNDEC mean?</span> : null}
      </summary>
      <div className={styles.body}>
        <p>Every point on the map gets a verdict, worked out from how the points attack and support each other.</p>
        <dl>
          <dt>
            <span className={`${styles.tag} ${styles.in}`}>IN</span> stands
          </dt>
          <dd>Nothing that attacks it is left standing: every objection to it has itself been answered.</dd>
          <dt>
            <span className={`${styles.tag} ${styles.out}`}>OUT</span> defeated
          </dt>
          <dd>At least one objection to it stands, unanswered.</dd>
          <dt>
            <span className={`${styles.tag} ${styles.undec}`}>UNDEC</span> undecided
          </dt>
          <dd>
            The map leaves it open: it hangs on a disagreement that nothing on the map settles, such as two points that
            attack each other.
          </dd>
          <dt>strength 0.00–1.00, and the bar</dt>
          <dd>
            How strong the point is once everything is weighed: it starts from readers’ votes (0.5 when nobody has
            voted), supports raise it and attacks lower it. A verdict says whether a point survives; strength says how
            well.
          </dd>
        </dl>
      </div>
    </details>
  )
}
