'use client'

import Link from 'next/link'
import { useState, useTransition } from 'react'
import { deleteMapAction, renameMapAction } from '@/app/actions'
import styles from './MapRow.module.css'

type Mode = 'view' | 'rename' | 'confirm-delete'

/** One map in the list, with in-place rename and a two-step delete. */
export default function MapRow({
  id,
  title,
  updatedAt,
  canManage,
}: {
  id: string
  title: string
  updatedAt: string
  canManage: boolean
}) {
  const [mode, setMode] = useState<Mode>('view')
  const [draft, setDraft] = useState(title)
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()

  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action()
      setError(result.ok ? null : (result.error ?? 'Something went wrong'))
      if (result.ok) setMode('view')
    })

  return (
    <li className={styles.row} data-testid="map-row" data-map-id={id}>
      {mode === 'rename' ? (
        <form
          className={styles.grow}
          onSubmit={(e) => {
            e.preventDefault()
            run(() => renameMapAction({ mapId: id, title: draft }))
          }}
        >
          <label className="visually-hidden" htmlFor={`rename-${id}`}>
            New title
          </label>
          <input
            id={`rename-${id}`}
            type="text"
            value={draft}
            maxLength={200}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="primary" disabled={pending}>
            Save
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <div className={styles.grow}>
          <Link href={`/maps/${id}`} className={styles.title} data-testid="map-link">
            {title}
          </Link>
          <time className={styles.when} dateTime={updatedAt}>
            {new Date(updatedAt).toLocaleString()}
          </time>
        </div>
      )}
      {mode === 'view' && canManage && (
        <div className={styles.actions}>
          <button type="button" onClick={() => setMode('rename')} aria-label={`Rename ${title}`}>
            Rename
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => setMode('confirm-delete')}
            aria-label={`Delete ${title}`}
          >
            Delete
          </button>
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className={styles.actions} role="alertdialog" aria-label={`Delete ${title}?`}>
          <span>Delete for everyone?</span>
          <button
            type="button"
            className="danger"
            disabled={pending}
            onClick={() => run(() => deleteMapAction({ mapId: id }))}
            data-testid="confirm-delete"
          >
            Delete
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </li>
  )
}
