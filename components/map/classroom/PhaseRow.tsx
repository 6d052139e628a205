'use client'
import { NODE_KINDS, RELATION_KINDS, type NodeKind, type RelationKind } from '@/core/graph'
import { describePhase, type Phase } from '@/core/permissions'

type Props = {
  phase: Phase
  /** Position in the set, counted from 1, for labels a screen reader can tell apart. */
  n: number
  count: number
  onChange: (phase: Phase) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}

const toggled = <K extends string>(list: readonly K[], kind: K, on: boolean): K[] =>
  on ? [...list.filter((k) => k !== kind), kind] : list.filter((k) => k !== kind)

/**
 * [PP6] One phase in the set editor: its name, its place in the order, and
 * what people other than the teacher may write during it. The choices are
 * exactly the rights the server enforces ([PP2]): node kinds, relation
 * kinds, votes, and whether the teacher is bound too.
 */
export function PhaseRow({ phase, n, count, onChange, onMove, onRemove }: Props) {
  const nodeBox = (kind: NodeKind) => (
    <label key={kind}>
      <input
        type="checkbox"
        data-testid={`phase-node-${kind}`}
        checked={phase.nodes.includes(kind)}
        onChange={(e) => onChange({ ...phase, nodes: toggled(phase.nodes, kind, e.target.checked) })}
      />{' '}
      {kind}
    </label>
  )
  const relationBox = (kind: RelationKind) => (
    <label key={kind}>
      <input
        type="checkbox"
        data-testid={`phase-relation-${kind}`}
        checked={phase.relations.includes(kind)}
        onChange={(e) => onChange({ ...phase, relations: toggled(phase.relations, kind, e.target.checked) })}
      />{' '}
      {kind}
    </label>
  )
  return (
    <li className="crux-phase-row" data-testid="phase-row" data-name={phase.name}>
      <div className="crux-phase-row-head">
        <input
          aria-label={`Name of phase ${n}`}
          data-testid="phase-name"
          value={phase.name}
          onChange={(e) => onChange({ ...phase, name: e.target.value })}
        />
        <button type="button" aria-label={`Move phase ${n} earlier`} disabled={n === 1} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label={`Move phase ${n} later`} disabled={n === count} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" data-testid="phase-remove" disabled={count === 1} onClick={onRemove}>
          Remove
        </button>
      </div>
      <fieldset className="crux-plain-fieldset">
        <legend>Students may add and change nodes:</legend> {NODE_KINDS.map(nodeBox)}
      </fieldset>
      <fieldset className="crux-plain-fieldset">
        <legend>links:</legend> {RELATION_KINDS.map(relationBox)}
      </fieldset>
      <label>
        <input
          type="checkbox"
          data-testid="phase-votes"
          checked={phase.votes}
          onChange={(e) => onChange({ ...phase, votes: e.target.checked })}
        />{' '}
        votes
      </label>{' '}
      <label>
        <input
          type="checkbox"
          data-testid="phase-owners-too"
          checked={phase.ownersToo}
          onChange={(e) => onChange({ ...phase, ownersToo: e.target.checked })}
        />{' '}
        the teacher is bound too
      </label>
      <p className="crux-phase-row-summary">{describePhase(phase)}</p>
    </li>
  )
}
