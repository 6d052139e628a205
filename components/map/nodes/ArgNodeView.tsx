'use client'
import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { FlowNode } from '../flow/types'
import { useMapActions } from '../MapActionsContext'
import { KIND_LABEL } from './nodeKinds'
import { NodeBadge } from './NodeBadge'
import { NodeTextEditor } from './NodeTextEditor'

/**
 * One component for every node kind; the kind picks colours via CSS. Text is
 * rendered as React text only: hostile map content can never run.
 */
function ArgNodeViewImpl({ id, data, selected }: NodeProps<FlowNode>) {
  const actions = useMapActions()
  const editing = data.editing === true
  const remote = data.remoteSelectedBy
  // Remote selections as stacked rings, one per person, in their colours.
  const rings = remote?.map((c, i) => `0 0 0 ${3 + i * 3}px ${c}`).join(', ')

  return (
    <div
      className={`crux-node crux-node-${data.kind}${selected ? ' is-selected' : ''}${data.faded ? ' is-faded' : ''}${data.diff ? ` is-diff-${data.diff}` : ''}${data.review ? ` is-${data.review}` : ''}`}
      data-review={data.review}
      style={rings ? { boxShadow: rings } : undefined}
      data-kind={data.kind}
      data-diff={data.diff}
      data-remote-selected={remote ? remote.join(' ') : undefined}
      onDoubleClick={() => actions.startEditing(id)}
    >
      <Handle type="target" position={Position.Bottom} isConnectable={!actions.readOnly} />
      <div className="crux-node-head">
        <span className="crux-node-kind">{KIND_LABEL[data.kind]}</span>
        {data.pinned && (
          <span className="crux-node-pin" title="Pinned: auto-arrange leaves it here" aria-label="pinned">
            📌
          </span>
        )}
        {data.locked && (
          <span
            className="crux-node-lock"
            title="Locked: only owners change it"
            aria-label="locked"
            data-testid="node-locked"
          >
            🔒
          </span>
        )}
        {data.comments ? (
          <span
            className="crux-node-comments"
            title={`${data.comments} comment(s) in open threads`}
            data-testid="node-comment-count"
          >
            💬 {data.comments}
          </span>
        ) : null}
        <NodeBadge badge={data.badge} />
      </div>
      {data.review === 'pending' && (
        <div className="crux-node-review" data-testid="node-pending">
          Waiting for the teacher’s review
        </div>
      )}
      {data.review === 'rejected' && (
        <div className="crux-node-review" data-testid="node-rejected">
          Rejected{data.reviewReason ? `: ${data.reviewReason}` : ''}
        </div>
      )}
      {editing ? (
        <NodeTextEditor nodeId={id} />
      ) : (
        <div className="crux-node-text" data-testid="node-text">
          {data.text}
        </div>
      )}
      {data.voice && (
        <p className="crux-node-voice" data-testid="node-voice">
          {data.voice}
        </p>
      )}
      {(data.quote || (data.kind === 'evidence' && (data.speaker || data.source))) && (
        <figure className="crux-node-evidence">
          {data.quote && <blockquote data-testid="node-quote">“{data.quote}”</blockquote>}
          {(data.speaker || data.source) && (
            <figcaption>
              {data.speaker}
              {data.speaker && data.source ? ', ' : ''}
              {data.source && <cite>{data.source}</cite>}
            </figcaption>
          )}
        </figure>
      )}
      {data.author && <NodeAuthorLine author={data.author} />}
      <Handle type="source" position={Position.Top} isConnectable={!actions.readOnly} />
    </div>
  )
}

/** [PA1] Who wrote the node, compactly: a dot in the team's (or person's) colour and the name. */
function NodeAuthorLine({ author }: { author: NonNullable<FlowNode['data']['author']> }) {
  return (
    <div
      className="crux-node-author"
      data-testid="node-author"
      title={author.team ? `${author.name}, ${author.team}` : author.name}
    >
      <span className="crux-author-dot" style={{ background: author.color }} aria-hidden="true" />
      {author.name}
    </div>
  )
}

export const ArgNodeView = memo(ArgNodeViewImpl)
