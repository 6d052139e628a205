'use client'
import { memo, useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react'
import { OpenSourceButton } from '@/components/source/OpenSourceButton'
import type { ArgumentMap, Relation } from '@/core/graph'
import type { Authorship } from '@/core/ydoc'
import { Byline } from './authorship/Byline'
import { explainRefusal } from './authorship/editPolicy'
import { useMapActions } from './MapActionsContext'
import { NodeFields } from './NodeFields'
import { SourceDock } from './SourceDock'
import { ConnectPicker } from './connect/ConnectPicker'
import { ExplainPanel } from './evaluation/ExplainPanel'
import { KIND_LABEL } from './nodes/nodeKinds'

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
export const Inspector = memo(function Inspector({
  graph,
  selection,
  who,
  refusal = null,
  canLock = false,
  extra,
}: Props) {
  const actions = useMapActions()
  const [browsing, setBrowsing] = useState<string | null>(null)
  // The picker belongs to one selection: choosing something else closes it.
  const [connecting, setConnecting] = useState<string | null>(null)
  const node = selection.length === 1 ? graph.nodes.find((n) => n.id === selection[0]) : undefined
  const relation = selection.length === 1 ? graph.relations.find((r) => r.id === selection[0]) : undefined
  const dock = <SourceDock node={node} browsing={browsing} stopBrowsing={() => setBrowsing(null)} />
  const explain = <ExplainPanel selectedId={selection.length === 1 ? selection[0] : undefined} />
  // Viewers cannot edit, but they can still ask why a node stands or falls.
  if (actions.readOnly)
    return (
      <>
        {dock}
        {(node || relation?.kind === 'supports') && (
          <aside className="crux-inspector" aria-label="Explanation">
            {explain}
          </aside>
        )}
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
        {node && (
          <fieldset disabled={!!refusal} className="crux-plain-fieldset">
            <NodeFields key={node.id} node={node} graph={graph} />
            {canLock && (
              <label className="crux-toggle">
                <input
                  type="checkbox"
                  data-testid="inspector-locked"
                  checked={node.locked === true}
                  onChange={(e) => actions.updateNode(node.id, { locked: e.target.checked || undefined })}
                />{' '}
                Locked (only owners change, move or delete it)
              </label>
            )}
          </fieldset>
        )}
        {relation && (
          <fieldset disabled={!!refusal} className="crux-plain-fieldset">
            <RelationFields relation={relation} />
          </fieldset>
        )}
        {/* Attaching is open to everyone who edits, even to what is not theirs to change ([PA5]); outside the fieldset. */}
        {node && (
          <ConnectControl
            open={connecting === node.id}
            onOpen={() => setConnecting(node.id)}
            label="Connect…"
            testId="connect-open"
            picker={{
              graph,
              exclude: new Set([node.id]),
              kinds: ['supports', 'attacks'],
              prompt: `Connect “${node.text.slice(0, 40) || KIND_LABEL[node.kind]}” to…`,
              onConfirm: (target, kind) => {
                if (kind !== 'undercuts') actions.connect(node.id, target, kind)
                setConnecting(null)
              },
              onClose: () => setConnecting(null),
            }}
          />
        )}
        {relation?.kind === 'supports' && (
          <ConnectControl
            open={connecting === relation.id}
            onOpen={() => setConnecting(relation.id)}
            label="Undercut…"
            testId="undercut-open"
            picker={{
              graph,
              exclude: new Set([relation.source]),
              kinds: ['undercuts'],
              prompt: 'Which node undercuts this inference?',
              onConfirm: (source) => {
                actions.undercut(relation.id, source)
                setConnecting(null)
              },
              onClose: () => setConnecting(null),
            }}
          />
        )}
        {!node && !relation && (
          <p className="crux-hint">
            {selection.length > 1
              ? `${selection.length} items selected. Delete removes them all.`
              : 'Select a node or a relation to edit it. Double-click a node to edit its text, or press Enter.'}
          </p>
        )}
        {explain}
        {extra}
        {canOpenSource && <OpenSourceButton cited={cited} onOpen={setBrowsing} />}
      </aside>
    </>
  )
})

/** A button that opens the picker in its place; focus returns to the button when the picker closes. */
function ConnectControl({
  open,
  onOpen,
  label,
  testId,
  picker,
}: {
  open: boolean
  onOpen(): void
  label: string
  testId: string
  picker: ComponentProps<typeof ConnectPicker>
}) {
  const button = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    // Keyboard users land where they started, not on the page's body (SC 2.4.3).
    if (wasOpen.current && !open) button.current?.focus()
    wasOpen.current = open
  }, [open])
  return open ? (
    <ConnectPicker {...picker} />
  ) : (
    <button ref={button} type="button" onClick={onOpen} data-testid={testId}>
      {label}
    </button>
  )
}

/** One relation's kind (supports or attacks; an undercut is what it is) and its delete button. */
function RelationFields({ relation }: { relation: Relation }) {
  const actions = useMapActions()
  return (
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
      <button
        type="button"
        data-testid="delete-selected"
        onClick={() => actions.remove({ nodes: [], relations: [relation.id] })}
      >
        Delete relation
      </button>
    </section>
  )
}
