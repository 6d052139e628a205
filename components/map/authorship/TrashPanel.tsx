'use client'
import type { TrashEntry } from '@/core/ydoc'
import { formatWhen } from './Byline'

type Props = { trash: readonly TrashEntry[]; canRestore: boolean; restore: (nodeId: string) => void; close: () => void }

/** "Recently deleted" ([PA9]): every node anyone deleted, who and when; owners bring them back. */
export function TrashPanel({ trash, canRestore, restore, close }: Props) {
  return (
    <section className="crux-inspector crux-trash" aria-labelledby="crux-trash-h" data-testid="trash-panel">
      <h2 id="crux-trash-h">Recently deleted</h2>
      {trash.length === 0 ? (
        <p className="crux-hint">Nothing has been deleted.</p>
      ) : (
        <ul>
          {trash.map((e) => (
            <li key={e.node.id} data-testid="trash-entry" data-node-id={e.node.id}>
              <div>{String(e.node.fields.text ?? '') || '(no text)'}</div>
              <div className="crux-byline">
                deleted by {e.deletedBy.name} · {formatWhen(e.deletedAt)}
                {e.relations.length + e.votes.length > 0 &&
                  ` · with ${e.relations.length} relation(s), ${e.votes.length} vote(s)`}
              </div>
              {canRestore && (
                <button type="button" onClick={() => restore(e.node.id)} data-testid="trash-restore">
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={close}>
        Close
      </button>
    </section>
  )
}
