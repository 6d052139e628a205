'use client'
import { useEffect, useRef, useState } from 'react'
import { MAX_NAME, MAX_QUOTE, MAX_TEXT, NODE_KINDS, type ArgNode, type ArgumentMap, type NodeKind } from '@/core/graph'
import { voiceLabel, voiceOf } from '@/core/sources'
import { useMapActions, type DraftEdit } from './MapActionsContext'
import { KIND_LABEL } from './nodes/nodeKinds'

type TextField = 'text' | 'quote' | 'speaker' | 'source'
const LIMIT: Record<TextField, number> = { text: MAX_TEXT, quote: MAX_QUOTE, speaker: MAX_NAME, source: MAX_NAME }

/**
 * A node's fields. Text fields keep a draft and write on blur, so a remote
 * edit arriving mid-typing does not yank the caret; empty optional fields are
 * removed from the doc rather than stored as "".
 */
export function NodeFields({ node, graph }: { node: ArgNode; graph: ArgumentMap }) {
  const actions = useMapActions()
  const nodeText = new Map(graph.nodes.map((n) => [n.id, n.text || KIND_LABEL[n.kind]]))
  const supports = graph.relations.filter((r) => r.kind === 'supports' && r.source !== node.id)

  const field = (name: TextField, label: string, multiline = false) => (
    <DraftField
      key={name}
      label={label}
      testId={`inspector-${name}`}
      value={node[name] ?? ''}
      multiline={multiline}
      maxLength={LIMIT[name]}
      // The text goes through a merged edit; the other fields are whole values, removed when emptied.
      onCommit={(v) => actions.updateNode(node.id, { [name]: v.trim() ? v : undefined })}
      begin={name === 'text' ? () => actions.beginTextEdit(node.id) : undefined}
    />
  )

  return (
    <section aria-label="Selected node">
      <h2>{KIND_LABEL[node.kind]}</h2>
      <label>
        Kind{' '}
        <select
          data-testid="inspector-kind"
          value={node.kind}
          onChange={(e) => actions.updateNode(node.id, { kind: e.target.value as NodeKind })}
        >
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      {field('text', 'Text', true)}
      {(node.kind === 'evidence' || node.quote !== undefined) && (
        <>
          {field('quote', 'Verbatim quote', true)}
          {field('speaker', 'Speaker')}
          {field('source', 'Source')}
        </>
      )}
      <VoiceFields node={node} />
      <label className="crux-toggle">
        <input
          type="checkbox"
          data-testid="inspector-pinned"
          checked={node.pinned}
          onChange={(e) => actions.updateNode(node.id, { pinned: e.target.checked })}
        />{' '}
        Pinned (auto-arrange leaves it in place)
      </label>
      {supports.length > 0 && (
        <label>
          Undercut an inference…{' '}
          <select
            data-testid="inspector-undercut"
            value=""
            onChange={(e) => {
              if (e.target.value) actions.undercut(e.target.value)
            }}
          >
            <option value="">choose a support</option>
            {supports.map((r) => (
              <option key={r.id} value={r.id}>
                {short(nodeText.get(r.source))} → {short(nodeText.get(r.target))}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        data-testid="delete-selected"
        onClick={() => actions.remove({ nodes: [node.id], relations: [] })}
      >
        Delete node
      </button>
    </section>
  )
}

/** Whose words the node gives (content/README.md): a reconstruction is never shown under a speaker's name. */
function VoiceFields({ node }: { node: ArgNode }) {
  const actions = useMapActions()
  const voice = voiceLabel(voiceOf(node))
  return (
    <>
      {voice && (
        <p className="crux-hint" data-testid="inspector-voice">
          Shown as: {voice}
        </p>
      )}
      <Flag node={node} name="analysis" label="Reconstruction (the map author's reading)" />
      {!node.analysis && node.quote === undefined && (
        <>
          <Flag node={node} name="paraphrase" label="Paraphrase of a speaker" />
          {node.paraphrase && (
            <DraftField
              label="Speaker"
              testId="inspector-speaker"
              value={node.speaker ?? ''}
              multiline={false}
              maxLength={MAX_NAME}
              onCommit={(v) => actions.updateNode(node.id, { speaker: v.trim() ? v : undefined })}
            />
          )}
        </>
      )}
    </>
  )
}

/** A yes/no node field that is removed from the doc when unticked. */
function Flag({ node, name, label }: { node: ArgNode; name: 'analysis' | 'paraphrase'; label: string }) {
  const actions = useMapActions()
  return (
    <label className="crux-toggle">
      <input
        type="checkbox"
        data-testid={`inspector-${name}`}
        checked={node[name] === true}
        onChange={(e) => actions.updateNode(node.id, { [name]: e.target.checked || undefined })}
      />{' '}
      {label}
    </label>
  )
}

const short = (s = '') => (s.length > 40 ? `${s.slice(0, 39)}…` : s)

type DraftProps = {
  label: string
  testId: string
  value: string
  multiline: boolean
  maxLength: number
  onCommit: (v: string) => void
  /** For merged text: an edit begun on focus, committed with what changed since (see beginTextEdit). */
  begin?: () => DraftEdit
}

function DraftField({ label, testId, value, multiline, maxLength, onCommit, begin }: DraftProps) {
  const [draft, setDraft] = useState(value)
  const focused = useRef(false)
  const edit = useRef<DraftEdit | null>(null)
  // Follow remote and undo changes, except while this person is typing here.
  useEffect(() => {
    if (!focused.current) setDraft(value)
  }, [value])
  const onFocus = () => {
    focused.current = true
    if (!begin) return
    edit.current = begin()
    setDraft(edit.current.base)
  }
  const commit = () => {
    focused.current = false
    if (!begin) {
      if (draft !== value) onCommit(draft)
      return
    }
    // Committed once per focus: a second call (Enter, then blur) finds no edit.
    const started = edit.current
    edit.current = null
    if (started && draft !== started.base) started.commit(draft)
  }
  const common = {
    'data-testid': testId,
    value: draft,
    maxLength,
    onBlur: commit,
    onFocus,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  }
  return (
    <label>
      {label}{' '}
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input {...common} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      )}
    </label>
  )
}
