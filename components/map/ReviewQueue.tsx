'use client'
import { useState } from 'react'
import type { ArgNode } from '@/core/graph'

type Props = {
  nodes: readonly ArgNode[]
  authorOf: (id: string) => string | undefined
  approve(id: string): void
  reject(id: string, reason: string): void
  select(id: string): void
}

/**
 * [PM2] The teachers' review queue: the nodes waiting on this map. It is read
 * from the map itself, so every co-teacher sees one queue, and a node another
 * teacher decided leaves everyone's queue at once.
 */
export function ReviewQueue({ nodes, authorOf, approve, reject, select }: Props) {
  const pending = nodes.filter((n) => n.review === 'pending')
  return (
    <aside
      className="crux-review-queue"
      aria-label="Review queue"
      data-testid="review-queue"
      data-count={pending.length}
    >
      <strong>Waiting for review ({pending.length})</strong>
      <ul>
        {pending.map((n) => (
          <Item key={n.id} node={n} author={authorOf(n.id)} approve={approve} reject={reject} select={select} />
        ))}
      </ul>
    </aside>
  )
}

function Item({
  node,
  author,
  approve,
  reject,
  select,
}: { node: ArgNode; author: string | undefined } & Omit<Props, 'nodes' | 'authorOf'>) {
  const [reason, setReason] = useState('')
  return (
    <li data-testid="review-item" data-node-id={node.id}>
      <button type="button" className="crux-link" onClick={() => select(node.id)}>
        {node.text || '(no text yet)'}
      </button>
      {author ? ` by ${author}` : ''}
      <div>
        <button type="button" data-testid="review-approve" onClick={() => approve(node.id)}>
          Approve
        </button>{' '}
        <input
          value={reason}
          maxLength={500}
          placeholder="Reason"
          aria-label="Reason for rejecting"
          data-testid="review-reason"
          onChange={(e) => setReason(e.target.value)}
        />{' '}
        <button
          type="button"
          data-testid="review-reject"
          disabled={reason.trim() === ''}
          onClick={() => reject(node.id, reason.trim())}
        >
          Reject
        </button>
      </div>
    </li>
  )
}
