'use client'
import { useState } from 'react'
import { describePhase, type Phase, type PhaseSet } from '@/core/permissions'
import { PhaseSetEditor } from './classroom/PhaseSetEditor'
import { putClassroomSetting } from './classroom/putClassroomSetting'

type Props = {
  mapId: string
  phase: Phase | null
  set: PhaseSet
  /** Owners switch phases; everyone else sees the banner only. */
  canSwitch: boolean
  /** [PN1] Students appear as pseudonyms. */
  anonymous: boolean
  /** [PM1] Students' new nodes wait for a teacher. */
  review: boolean
}

/**
 * The classroom switches above the canvas. [PP5] Everyone sees the map's
 * current phase and what it allows, and whether names are hidden ([PN1]) or
 * new nodes wait for review ([PM1]); owners switch all three here. The
 * server closes every socket on a change, so each screen reloads its
 * session and this bar follows without anything more. [PP6] Owners open the
 * phase set editor from here.
 */
export function ClassroomBar({ mapId, phase, set, canSwitch, anonymous, review }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  if (!phase && !canSwitch && !anonymous && !review) return null

  async function put(what: 'phase' | 'anonymity' | 'review', body: unknown) {
    setError(null)
    setError(await putClassroomSetting(mapId, what, body))
  }
  const choose = (name: string) => put('phase', { phase: name === '' ? null : name })

  return (
    <>
      <div className="crux-phase" role="status" data-testid="phase-banner" data-phase={phase?.name ?? ''}>
        <strong>{phase ? `Phase: ${phase.name}` : 'No phase'}</strong>{' '}
        <span>{phase ? describePhase(phase) : 'Roles alone decide who writes what.'}</span>
        {canSwitch && (
          <label>
            {' '}
            Move to{' '}
            <select data-testid="phase-select" value={phase?.name ?? ''} onChange={(e) => void choose(e.target.value)}>
              <option value="">no phase</option>
              {set.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {canSwitch && (
          <button type="button" data-testid="phase-edit" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            Edit phases…
          </button>
        )}
        {anonymous && !canSwitch && (
          <span data-testid="anonymous-notice"> Names are hidden: everyone appears under a pseudonym.</span>
        )}
        {canSwitch && (
          <Switch
            testId="anonymity-toggle"
            label="Students anonymous"
            on={anonymous}
            onChange={(on) => void put('anonymity', { anonymous: on })}
          />
        )}
        {review && !canSwitch && <span data-testid="review-notice"> New nodes wait for the teacher’s review.</span>}
        {canSwitch && (
          <Switch
            testId="review-toggle"
            label="Review new nodes"
            on={review}
            onChange={(on) => void put('review', { review: on })}
          />
        )}
        {error && <span role="alert"> {error}</span>}
      </div>
      {canSwitch && editing && (
        <PhaseSetEditor mapId={mapId} set={set} current={phase} onClose={() => setEditing(false)} />
      )}
    </>
  )
}

/** One of an owner's map-wide switches: a labelled checkbox. */
function Switch(p: { testId: string; label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label>
      {' '}
      <input
        type="checkbox"
        data-testid={p.testId}
        checked={p.on}
        onChange={(e) => p.onChange(e.target.checked)}
      />{' '}
      {p.label}
    </label>
  )
}
