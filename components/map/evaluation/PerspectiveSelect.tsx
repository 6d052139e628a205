'use client'
import { useEvaluationState } from './EvaluationContext'

/**
 * Whose votes the badges and the explain panel count [VP3]: everyone's, only
 * mine, or one group's. Local to this person: others keep their own view.
 */
export function PerspectiveSelect() {
  const { perspective, options, setPerspective } = useEvaluationState()
  return (
    <label className="crux-perspective">
      Votes from{' '}
      <select data-testid="perspective" value={perspective.key} onChange={(e) => setPerspective(e.target.value)}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
