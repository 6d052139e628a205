'use client'
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { findNodes, type ArgumentMap } from '@/core/graph'
import { KIND_LABEL } from '../nodes/nodeKinds'

export type PickedKind = 'supports' | 'attacks' | 'undercuts'

const KIND_WORDS: Record<PickedKind, string> = {
  supports: 'supports',
  attacks: 'attacks',
  undercuts: 'undercuts this inference',
}

const SHOWN = 8

/**
 * Connecting without dragging (WCAG 2.2 SC 2.5.7): search the map's nodes by text, pick one and a
 * relation kind, confirm. Native radio groups carry the keyboard: Tab between the search, the
 * results and the kinds, arrows within each, Enter to confirm, Escape to close.
 *
 * For a node, the picked node is the target ("this supports …"); for an undercut, the picked node
 * is the undercutter of the selected support.
 */
export function ConnectPicker({
  graph,
  exclude,
  kinds,
  prompt,
  onConfirm,
  onClose,
}: {
  graph: ArgumentMap
  exclude: ReadonlySet<string>
  kinds: readonly PickedKind[]
  prompt: string
  onConfirm(nodeId: string, kind: PickedKind): void
  onClose(): void
}) {
  const ids = useId()
  const [query, setQuery] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  const [kind, setKind] = useState<PickedKind>(kinds[0]!)
  const found = useMemo(() => findNodes(graph, query, exclude), [graph, query, exclude])
  const shown = found.slice(0, SHOWN)
  const chosen = shown.some((n) => n.id === picked) ? picked : (shown[0]?.id ?? null)

  const confirm = () => {
    if (chosen) onConfirm(chosen, kind)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault()
      e.stopPropagation()
      confirm()
    }
  }

  return (
    <section
      className="crux-picker"
      role="group"
      aria-labelledby={`${ids}-h`}
      data-testid="connect-picker"
      onKeyDown={onKeyDown}
    >
      <h3 id={`${ids}-h`}>{prompt}</h3>
      <label>
        Find a node{' '}
        <input
          type="search"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="connect-search"
          aria-describedby={`${ids}-count`}
        />
      </label>
      <p id={`${ids}-count`} className="crux-hint" aria-live="polite">
        {found.length === 0
          ? 'No node matches.'
          : `${found.length} match${found.length === 1 ? '' : 'es'}${found.length > SHOWN ? `, first ${SHOWN} shown` : ''}.`}
      </p>
      <fieldset className="crux-plain-fieldset">
        <legend className="visually-hidden">Node</legend>
        {shown.map((n) => (
          <label key={n.id} className="crux-picker-option">
            <input
              type="radio"
              name={`${ids}-node`}
              value={n.id}
              checked={chosen === n.id}
              onChange={() => setPicked(n.id)}
              data-testid="connect-option"
            />{' '}
            <span className="crux-picker-kind">{KIND_LABEL[n.kind]}</span> {n.text || '(no text yet)'}
          </label>
        ))}
      </fieldset>
      {kinds.length > 1 && (
        <fieldset className="crux-plain-fieldset">
          <legend>Relation</legend>
          {kinds.map((k) => (
            <label key={k} className="crux-toggle">
              <input
                type="radio"
                name={`${ids}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`connect-kind-${k}`}
              />{' '}
              {KIND_WORDS[k]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="crux-picker-actions">
        <button type="button" className="primary" disabled={!chosen} onClick={confirm} data-testid="connect-confirm">
          Connect
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  )
}
