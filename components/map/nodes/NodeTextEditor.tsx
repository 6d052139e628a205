'use client'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { MAX_TEXT } from '@/core/graph'
import { useMapActions } from '../MapActionsContext'

/**
 * Closing the editor leaves the document a collapsed selection where the
 * textarea was. It is invisible, yet Chromium keeps it up to date through
 * every layout: on a 1,000-node map, dragging ran at half the frame rate
 * after any in-place edit until the next click. Dropped when nothing has
 * the focus; if the person moved on into another field, its caret stays.
 */
function dropStrayCaret(): void {
  const focused = document.activeElement
  if (focused && focused !== document.body) return
  document.getSelection()?.removeAllRanges()
}

/**
 * In-place text editing: Enter commits, Shift+Enter breaks the line, Escape
 * cancels. The draft starts from the doc's text when editing starts, and the
 * commit writes only this person's change to it (see beginTextEdit).
 */
export function NodeTextEditor({ nodeId }: { nodeId: string }) {
  const actions = useMapActions()
  const [edit] = useState(() => actions.beginTextEdit(nodeId))
  const [text, setText] = useState(edit.base)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef(false)
  // [DD3] Checked as the person types: pure and local, a few hundred comparisons at most.
  const matches = useMemo(() => actions.similarTo(text, nodeId), [actions, text, nodeId])

  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
    return dropStrayCaret
  }, [])

  const finish = (commit: boolean) => {
    if (done.current) return
    done.current = true
    if (commit && text !== edit.base) edit.commit(text)
    actions.stopEditing()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keep React Flow (delete, arrows) and the editor shortcuts out of typing.
    e.stopPropagation()
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      finish(true)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      finish(false)
    }
  }

  return (
    <>
      <textarea
        ref={ref}
        className="crux-node-input nodrag nopan nowheel"
        data-testid="node-text-input"
        aria-label="Node text"
        value={text}
        maxLength={MAX_TEXT}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
      {matches.length > 0 && (
        <ul
          className="crux-duplicates nodrag nopan"
          data-testid="duplicate-matches"
          aria-label="Nodes that say much the same"
        >
          {matches.map((m) => (
            <li key={m.id} data-testid="duplicate-match" data-node-id={m.id}>
              <span>Already on the map: “{m.text.length > 90 ? `${m.text.slice(0, 90)}…` : m.text}”</span>{' '}
              <button
                type="button"
                data-testid="use-duplicate"
                // Keeps the focus in the textarea: a blur would commit and close the editor first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  done.current = true
                  actions.useExisting(nodeId, m.id)
                }}
              >
                Use that one
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
