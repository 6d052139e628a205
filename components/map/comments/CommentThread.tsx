'use client'
import { useState } from 'react'
import { splitMentions, type CommentView, type Mentionable, type ThreadView } from '@/core/comments'
import { formatWhen } from '../authorship/Byline'
import { CommentComposer } from './CommentComposer'
import type { CommentsApi } from './useComments'

type Props = {
  thread: ThreadView
  /** What the thread hangs on, in words (the node's text, or "relation …"). */
  targetLabel: string
  api: CommentsApi
  me: string | null
  canComment: boolean
  isOwner: boolean
  showTarget: () => void
}

/** One thread: its comments, a reply box, resolve and reopen; one's own comments can be edited or deleted ([CM3]). */
export function CommentThread({ thread, targetLabel, api, me, canComment, isOwner, showTarget }: Props) {
  const mentionsMe = me !== null && thread.comments.some((c) => c.mentions.some((m) => m.id === me))
  return (
    <li
      className={`crux-thread${thread.resolved ? ' is-resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-target-id={thread.target.id}
      data-resolved={thread.resolved ? 'true' : 'false'}
    >
      <button type="button" className="crux-thread-target" onClick={showTarget} data-testid="comment-target">
        {thread.target.kind === 'relation' ? '↗ ' : ''}
        {targetLabel}
      </button>
      {thread.visibility === 'teachers' && <span className="crux-hint"> · owners and people mentioned only</span>}
      {mentionsMe && (
        <span className="crux-mention-me" data-testid="mentions-me">
          {' '}
          · mentions you
        </span>
      )}
      <ol className="crux-comments">
        {thread.comments.map((c) => (
          <Comment
            key={c.id}
            comment={c}
            threadId={thread.id}
            api={api}
            mine={c.author.id === me}
            isOwner={isOwner}
            people={api.people}
          />
        ))}
      </ol>
      {thread.resolved && (
        <p className="crux-byline">
          Resolved by {thread.resolved.by} · {formatWhen(Date.parse(thread.resolved.at))}
        </p>
      )}
      {canComment && (
        <>
          {!thread.resolved && (
            <CommentComposer
              label="Reply"
              submitLabel="Reply"
              people={api.people}
              testId="comment-reply"
              onSubmit={(body, mentions) => api.reply(thread.id, body, mentions)}
            />
          )}
          <button
            type="button"
            data-testid={thread.resolved ? 'comment-reopen' : 'comment-resolve'}
            onClick={() => void api.resolve(thread.id, !thread.resolved)}
          >
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </>
      )}
    </li>
  )
}

type CommentProps = {
  comment: CommentView
  threadId: string
  api: CommentsApi
  mine: boolean
  isOwner: boolean
  people: readonly Mentionable[]
}

function Comment({ comment, threadId, api, mine, isOwner, people }: CommentProps) {
  const [editing, setEditing] = useState(false)
  if (comment.deleted) {
    return (
      <li className="crux-comment is-deleted" data-testid="comment" data-comment-id={comment.id}>
        <span className="crux-hint">Comment deleted</span>
      </li>
    )
  }
  return (
    <li className="crux-comment" data-testid="comment" data-comment-id={comment.id}>
      <div className="crux-byline">
        <strong>{comment.author.name}</strong> · {formatWhen(Date.parse(comment.createdAt))}
        {comment.editedAt && ' · edited'}
      </div>
      {editing ? (
        <CommentComposer
          label="Edit your comment"
          submitLabel="Save"
          people={people}
          testId="comment-edit-form"
          initial={{ body: comment.body, mentions: comment.mentions }}
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentions) => {
            const result = await api.edit(threadId, comment.id, body, mentions)
            if (result.ok) setEditing(false)
            return result
          }}
        />
      ) : (
        // [CM4] [PH7] Text only: mentions are styled runs of text, never markup.
        <p className="crux-comment-body" data-testid="comment-body">
          {splitMentions(
            comment.body,
            comment.mentions.map((m) => m.name),
          ).map((run, i) =>
            run.mention ? (
              <span key={i} className="crux-mention" data-testid="comment-mention">
                {run.text}
              </span>
            ) : (
              run.text
            ),
          )}
        </p>
      )}
      {!editing && (mine || isOwner) && (
        <div className="crux-comment-actions">
          {mine && (
            <button type="button" data-testid="comment-edit" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" data-testid="comment-delete" onClick={() => void api.remove(threadId, comment.id)}>
            Delete
          </button>
        </div>
      )}
    </li>
  )
}
