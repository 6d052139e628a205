'use client'
import { useState } from 'react'
import type { ArgumentMap } from '@/core/graph'
import { CHECKPOINT_NAME_MAX, checkpointLabel } from '@/core/history'
import { formatWhen } from '../authorship/Byline'
import { DiffList } from './DiffList'
import type { HistoryView } from './useHistoryView'

type Props = {
  mapId: string
  history: HistoryView
  graph: ArgumentMap
  selection: readonly string[]
  select: (ids: string[]) => void
  nameOf: (userId: string) => string
  isOwner: boolean
  close: () => void
}

/** [HI] The timeline: open any checkpoint read-only, compare, and (owners) name checkpoints and restore. */
export function HistoryPanel({ mapId, history, graph, selection, select, nameOf, isOwner, close }: Props) {
  const [name, setName] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('now')
  const [removeNewer, setRemoveNewer] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const timeline = [...history.checkpoints].reverse()
  const chosenNodes = selection.filter((id) => graph.nodes.some((n) => n.id === id))
  const say = (r: { ok: boolean; error?: string }, done: string) => setMessage(r.ok ? done : (r.error ?? 'Refused'))

  return (
    <section className="crux-inspector crux-history" aria-labelledby="crux-history-h" data-testid="history-panel">
      <h2 id="crux-history-h">History</h2>
      {isOwner && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!name.trim()) return
            void history.name(name.trim()).then((r) => {
              say(r, `Checkpoint “${name.trim()}” saved`)
              if (r.ok) setName('')
            })
          }}
        >
          <label>
            Name this moment
            <input
              value={name}
              maxLength={CHECKPOINT_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
              data-testid="checkpoint-name"
            />
          </label>
          <button type="submit" data-testid="checkpoint-save">
            Save checkpoint
          </button>
        </form>
      )}
      {message && (
        <p role="status" data-testid="history-message">
          {message}
        </p>
      )}
      {history.lastRestore && isOwner && (
        <button
          type="button"
          data-testid="restore-undo"
          onClick={() => void history.undoRestore().then((r) => say(r, 'Restore undone'))}
        >
          Undo the restore
        </button>
      )}
      {timeline.length > 1 && (
        <div className="crux-comment-actions">
          <select
            aria-label="Compare from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="diff-from"
          >
            <option value="">Compare from…</option>
            {timeline.map((c) => (
              <option
                key={c.id}
                value={c.id}
              >{`${checkpointLabel(c)} · ${formatWhen(Date.parse(c.createdAt))}`}</option>
            ))}
          </select>
          <select aria-label="Compare to" value={to} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">
            <option value="now">Now</option>
            {timeline.map((c) => (
              <option
                key={c.id}
                value={c.id}
              >{`${checkpointLabel(c)} · ${formatWhen(Date.parse(c.createdAt))}`}</option>
            ))}
          </select>
          <button
            type="button"
            disabled={!from}
            data-testid="diff-compare"
            onClick={() => void history.compare(from, to === 'now' ? null : to)}
          >
            Compare
          </button>
        </div>
      )}
      {history.diff && (
        <div data-testid="diff-view">
          <p className="crux-hint">
            {history.diff.to === null ? 'Since the checkpoint' : 'Between the two checkpoints'}: added and changed nodes
            still on the map are outlined.{' '}
            <button type="button" onClick={history.clearDiff}>
              Hide
            </button>
          </p>
          <DiffList diff={history.diff.diff} graph={graph} nameOf={nameOf} select={select} />
        </div>
      )}
      {isOwner && (
        <label className="crux-check">
          <input
            type="checkbox"
            checked={removeNewer}
            onChange={(e) => setRemoveNewer(e.target.checked)}
            data-testid="restore-remove-newer"
          />
          A restore also removes what was added since (to “Recently deleted”)
        </label>
      )}
      {timeline.length === 0 ? (
        <p className="crux-hint">No checkpoints yet: one is taken a few minutes into a session and when it ends.</p>
      ) : (
        <ol className="crux-timeline" data-testid="timeline">
          {timeline.map((c) => (
            <li key={c.id} data-testid="checkpoint" data-checkpoint-id={c.id} data-kind={c.kind}>
              <strong data-testid="checkpoint-label">{checkpointLabel(c)}</strong>
              <div className="crux-byline">
                {formatWhen(Date.parse(c.createdAt))}
                {c.createdBy && ` · ${c.createdBy.name}`}
              </div>
              <div className="crux-comment-actions">
                <a
                  href={`/maps/${encodeURIComponent(mapId)}/history/${encodeURIComponent(c.id)}`}
                  target="_blank"
                  rel="noopener"
                  data-testid="checkpoint-open"
                >
                  Open
                </a>
                <button
                  type="button"
                  data-testid="checkpoint-diff-now"
                  onClick={() => void history.compare(c.id, null)}
                >
                  Compare with now
                </button>
                {isOwner && (
                  <>
                    <button
                      type="button"
                      data-testid="checkpoint-restore"
                      onClick={() =>
                        void history
                          .restore(c.id, { removeNewer })
                          .then((r) => say(r, `Map restored to “${checkpointLabel(c)}”`))
                      }
                    >
                      Restore map
                    </button>
                    <button
                      type="button"
                      disabled={chosenNodes.length === 0}
                      data-testid="checkpoint-restore-selected"
                      onClick={() =>
                        void history
                          .restore(c.id, { nodes: chosenNodes, removeNewer })
                          .then((r) => say(r, `${chosenNodes.length} node(s) restored`))
                      }
                    >
                      Restore selected
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={close}>
        Close
      </button>
    </section>
  )
}
