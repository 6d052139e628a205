'use client'
import { useEffect, useState } from 'react'
import type { CommentTarget } from '@/core/comments'
import { openThreads } from '@/core/comments'
import type { ArgumentMap } from '@/core/graph'
import { CommentComposer } from './CommentComposer'
import { CommentThread } from './CommentThread'
import type { CommentsApi } from './useComments'

type Props = {
  api: CommentsApi
  graph: ArgumentMap
  selection: readonly string[]
  select: (ids: string[]) => void
  me: string | null
  canComment: boolean
  isOwner: boolean
  close: () => void
}

/** The map's open threads (resolved ones on demand), and a new thread on what is selected. */
export function CommentsPanel({ api, graph, selection, select, me, canComment, isOwner, close }: Props) {
  const [showResolved, setShowResolved] = useState(false)
  const { refresh } = api
  useEffect(refresh, [refresh])
  const target = selectedTarget(graph, selection)
  const shown = showResolved ? api.threads.filter((t) => t.resolved) : openThreads(api.threads)
  return (
    <section
      className="crux-inspector crux-comments-panel"
      aria-labelledby="crux-comments-h"
      data-testid="comments-panel"
    >
      <h2 id="crux-comments-h">Comments</h2>
      {canComment && target && (
        <CommentComposer
          label={`Comment on this ${target.kind}`}
          submitLabel="Comment"
          people={api.people}
          chooseVisibility
          testId="comment-new"
          onSubmit={(body, mentions, visibility) => api.start(target, body, mentions, visibility)}
        />
      )}
      {canComment && !target && <p className="crux-hint">Select one node or relation to comment on it.</p>}
      {!canComment && <p className="crux-hint">Your role lets you read comments.</p>}
      <label className="crux-check">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(e) => setShowResolved(e.target.checked)}
          data-testid="show-resolved"
        />
        Show resolved threads instead
      </label>
      {shown.length === 0 ? (
        <p className="crux-hint">{showResolved ? 'No resolved threads.' : 'No open threads.'}</p>
      ) : (
        <ul className="crux-threads">
          {shown.map((t) => (
            <CommentThread
              key={t.id}
              thread={t}
              targetLabel={labelOf(graph, t.target)}
              api={api}
              me={me}
              canComment={canComment}
              isOwner={isOwner}
              showTarget={() => select([t.target.id])}
            />
          ))}
        </ul>
      )}
      <button type="button" onClick={close}>
        Close
      </button>
    </section>
  )
}

function selectedTarget(graph: ArgumentMap, selection: readonly string[]): CommentTarget | null {
  if (selection.length !== 1) return null
  const id = selection[0]!
  if (graph.nodes.some((n) => n.id === id)) return { kind: 'node', id }
  if (graph.relations.some((r) => r.id === id)) return { kind: 'relation', id }
  return null
}

function labelOf(graph: ArgumentMap, target: CommentTarget): string {
  if (target.kind === 'node') {
    const text = graph.nodes.find((n) => n.id === target.id)?.text
    return text === undefined ? '(deleted node)' : text.slice(0, 80) || '(no text)'
  }
  const r = graph.relations.find((x) => x.id === target.id)
  if (!r) return '(deleted relation)'
  const text = (id: string) => graph.nodes.find((n) => n.id === id)?.text.slice(0, 30) ?? '…'
  return `${text(r.source)} ${r.kind} ${text(r.target)}`
}
