'use client'
import { memo, useState, type ReactNode } from 'react'
import { OpenSourceButton } from '@/components/source/OpenSourceButton'
import type { ArgumentMap } from '@/core/graph'
import type { Authorship } from '@/core/ydoc'
import { Byline } from './authorship/Byline'
import { explainRefusal } from './authorship/editPolicy'
import { useMapActions } from './MapActionsContext'
import { NodeFields } from './NodeFields'
import { SourceDock } from './SourceDock'
import { ExplainPanel } from './evaluation/ExplainPanel'

type Props = {
  graph: ArgumentMap
  selection: string[]
  /** Who created and last edited the selected record ([PA1]). */
  who?: Authorship
  /** Why this person may not change the selected record ([PA5], [PA7]), or null. */
  refusal?: string | null
  /** Owners lock and unlock nodes ([PA5]). */
  canLock?: boolean
  /** More for owners below the fields (votes by person). */
  extra?: ReactNode
}

/** Side panels for the selection: its source article, then one node's fields or one relation's kind. */
/** Memoised: while a node is dragged its props stay the same, and its form need not re-render per frame. */
export const Inspector = memo(function Inspector({ graph, selection, who, refusal = null, canLock = false, extra }: Props) {
  const actions = useMapActions()
  const [browsing, setBrowsing] = useState<string | null>(null)
  const node = selection.length === 1 ? graph.nodes.find((n) => n.id === selection[0]) : undefined
  const relation = selection.length === 1 ? graph.relations.find((r) => r.id === selection[0]) : undefined
  const dock = <SourceDock node={node} browsing={browsing} stopBrowsing={() => setBrowsing(null)} />
  const explain = <ExplainPanel selectedId={selection.length === 1 ? selection[0] : undefined} />
  // Viewers cannot edit, but they can still ask why a node stands or falls.
  if (actions.readOnly)
    return (
      <>
        {dock}
        {(node || relation?.kind === 'supports') && <aside className="crux-inspector" aria-label="Explanation">{explain}</aside>}
      </>
    )
  const canOpenSource = !browsing && (!node || (node.kind === 'evidence' && !node.source))
  const cited = [...new Set(graph.nodes.flatMap((n) => (n.source ? [n.source] : [])))]

  return (
    <>
      {dock}
      <aside className="crux-inspector" aria-label="Inspector" data-testid="inspector">
        {(node || relation) && <Byline who={who} />}
        {(node || relation) && refusal && (
          <p className="crux-hint" data-testid="inspector-refusal">
            {explainRefusal(refusal)}
          </p>
        )}
        {node ? (
          <fieldset disabled={!!refusal} className="crux-plain-fieldset">
            <NodeFields key={node.id} node={node} graph={graph} />
            {canLock && (
              <label className="crux-toggle">
                <input type="checkbox" data-testid="inspector-locked" checked={node.locked === true} onChange={(e) => actions.updateNode(node.id, { locked: e.target.checked || undefined })} />{' '}
                Locked (only owners change, move or delete it)
              </label>
            )}
          </fieldset>
        ) : relation ? (
          <fieldset disabled={!!refusal} className="crux-plain-fieldset">
          <section aria-label="Selected relation">
            <h2>Relation</h2>
            {relation.kind === 'undercuts' ? (
              <p>Undercuts an inference.</p>
            ) : (
              <label>
                Kind{' '}
                <select
                  data-testid="relation-kind"
                  value={relation.kind}
                  onChange={(e) => actions.setRelationKind(relation.id, e.target.value as 'supports' | 'attacks')}
                >
                  <option value="supports">supports</option>
                  <option value="attacks">attacks</option>
                </select>
              </label>
            )}
            <button type="button" data-testid="delete-selected" onClick={() => actions.remove({ nodes: [], relations: [relation.id] })}>
              Delete relation
            </button>
          </section>
          </fieldset>
        ) : (
          <p className="crux-hint">
            {selection.length > 1 ? `${selection.length} items selected. Delete removes them all.` : 'Select a node or a relation to edit it. Double-click a node to edit its text.'}
          </p>
        )}
        {explain}
        {extra}
        {canOpenSource && <OpenSourceButton cited={cited} onOpen={setBrowsing} />}
      </aside>
    </>
  )
})
