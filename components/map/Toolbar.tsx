'use client'
import { useState } from 'react'
import { NODE_KINDS, type RelationKind } from '@/core/graph'
import { useMapActions } from './MapActionsContext'
import { KIND_LABEL } from './nodes/nodeKinds'
import { PerspectiveSelect } from './evaluation/PerspectiveSelect'
import { PhoneMenu } from './PhoneMenu'

type Props = {
  connectKind: Exclude<RelationKind, 'undercuts'>
  setConnectKind: (k: Exclude<RelationKind, 'undercuts'>) => void
  undo: () => void
  redo: () => void
  canUndo: boolean
  canRedo: boolean
  /** Shown only when an evaluation is available. */
  dim?: { on: boolean; toggle: () => void }
}

export function Toolbar(p: Props) {
  const actions = useMapActions()
  const [arranging, setArranging] = useState(false)
  if (actions.readOnly) return null

  const arrange = async () => {
    setArranging(true)
    try {
      await actions.arrange()
    } finally {
      setArranging(false)
    }
  }

  return (
    <div className="crux-toolbar" role="toolbar" aria-label="Map editing">
      <PhoneMenu label="☰ Add and tools" testId="toolbar-menu" className="crux-toolbar-items">
        <div className="crux-group" role="group" aria-label="Add a node">
          {NODE_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              data-testid={`add-${k}`}
              className={`crux-add crux-add-${k}`}
              onClick={() => actions.addNode(k)}
              aria-label={`Add ${KIND_LABEL[k].toLowerCase()}`}
            >
              + {KIND_LABEL[k]}
            </button>
          ))}
        </div>
        <div className="crux-group" role="radiogroup" aria-label="Kind of new connections">
          {(['supports', 'attacks'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={p.connectKind === k}
              data-testid={`connect-${k}`}
              className={`crux-connect crux-connect-${k}${p.connectKind === k ? ' is-on' : ''}`}
              onClick={() => p.setConnectKind(k)}
            >
              {k === 'supports' ? 'Supports' : 'Attacks'}
            </button>
          ))}
        </div>
        <div className="crux-group">
          <button
            type="button"
            data-testid="undo"
            onClick={p.undo}
            disabled={!p.canUndo}
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
          >
            ↶ Undo
          </button>
          <button
            type="button"
            data-testid="redo"
            onClick={p.redo}
            disabled={!p.canRedo}
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
          >
            ↷ Redo
          </button>
          <button
            type="button"
            data-testid="auto-arrange"
            onClick={arrange}
            disabled={arranging}
            aria-label="Auto-arrange unpinned nodes"
          >
            {arranging ? 'Arranging…' : 'Auto-arrange'}
          </button>
          {p.dim && (
            <label className="crux-toggle">
              <input type="checkbox" data-testid="dim-defeated" checked={p.dim.on} onChange={p.dim.toggle} /> Dim
              defeated
            </label>
          )}
          {p.dim && <PerspectiveSelect />}
        </div>
      </PhoneMenu>
    </div>
  )
}
