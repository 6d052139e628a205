'use client'
import './classroom.css'
import { useState } from 'react'
import { PHASES_MAX, PHASE_PRESETS, PhaseSetSchema, samePhaseName, type Phase, type PhaseSet } from '@/core/permissions'
import { PhaseRow } from './PhaseRow'
import { putClassroomSetting } from './putClassroomSetting'

type Props = {
  mapId: string
  set: PhaseSet
  current: Phase | null
  onClose: () => void
}

/** A phase being edited; `was` is its name in the saved set, so a rename of the current phase is followed. */
type Draft = { key: number; was: string | null; phase: Phase }

let nextKey = 0
const drafts = (set: PhaseSet, keepNames: boolean): Draft[] =>
  set.map((phase) => ({ key: nextKey++, was: keepNames ? phase.name : null, phase: { ...phase } }))

/**
 * [PP6] The teacher's phase set editor: add, rename, remove and reorder
 * phases and choose what each allows, starting from the map's set or a
 * preset. The same schema as the server's ([PP7]) is checked before sending;
 * the server checks it again and its words are shown if it refuses. The whole
 * set goes in one PUT with the phase the map is to be in afterwards.
 */
export function PhaseSetEditor({ mapId, set, current, onClose }: Props) {
  const [rows, setRows] = useState<Draft[]>(() => drafts(set, true))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const update = (i: number, phase: Phase) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, phase } : r)))
  const move = (i: number, by: -1 | 1) =>
    setRows((rs) => {
      const out = [...rs]
      const [row] = out.splice(i, 1)
      out.splice(i + by, 0, row!)
      return out
    })
  const remove = (i: number) => setRows((rs) => rs.filter((_, j) => j !== i))
  const add = () =>
    setRows((rs) => [
      ...rs,
      { key: nextKey++, was: null, phase: { name: '', nodes: [], relations: [], votes: false, ownersToo: false } },
    ])
  const startFrom = (id: string) => {
    const preset = PHASE_PRESETS.find((p) => p.id === id)
    if (preset) setRows(drafts(preset.set, false))
  }

  async function save() {
    setError(null)
    const parsed = PhaseSetSchema.safeParse(rows.map((r) => r.phase))
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'This phase set is not valid')
    // The current phase, followed through a rename; a preset or a removal ends it unless a phase has its name.
    const stays = current && (rows.find((r) => r.was && samePhaseName(r.was, current.name)) ?? null)
    const named = current && parsed.data.find((p) => samePhaseName(p.name, current.name))
    const phase = current ? (stays?.phase.name.trim() ?? named?.name ?? null) : undefined
    setSaving(true)
    const refused = await putClassroomSetting(mapId, 'phase', { set: parsed.data, phase })
    setSaving(false)
    if (refused) setError(refused)
    else onClose()
  }

  return (
    <section className="crux-phase-editor" data-testid="phase-editor" aria-label="Phases of this map">
      <h2>Phases of this map</h2>
      <label>
        Start from{' '}
        <select data-testid="phase-preset" value="" onChange={(e) => startFrom(e.target.value)}>
          <option value="">a preset…</option>
          {PHASE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <ol>
        {rows.map((r, i) => (
          <PhaseRow
            key={r.key}
            phase={r.phase}
            n={i + 1}
            count={rows.length}
            onChange={(p) => update(i, p)}
            onMove={(by) => move(i, by)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <div className="crux-phase-editor-actions">
        <button type="button" data-testid="phase-add" disabled={rows.length >= PHASES_MAX} onClick={add}>
          Add a phase
        </button>
        <button type="button" data-testid="phase-save" disabled={saving} onClick={() => void save()}>
          Save phases
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" data-testid="phase-editor-error">
          {error}
        </p>
      )}
    </section>
  )
}
