'use client'
import { useState } from 'react'
import type { Peer } from './hooks/usePresence'

type Props = { peers: Peer[]; onRename: (name: string) => void }

/** Everyone connected, this person first; clicking your own name renames you. */
export function PresenceBar({ peers, onRename }: Props) {
  const [editing, setEditing] = useState(false)
  return (
    <ul className="crux-presence" data-testid="presence" aria-label="People on this map">
      {peers.map((p) => (
        <li key={p.clientId} className="crux-presence-user" data-testid="presence-user" data-me={p.isMe || undefined} style={{ borderColor: p.user.color }}>
          <span className="crux-presence-dot" style={{ background: p.user.color }} aria-hidden="true" />
          {p.isMe && editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                onRename(new FormData(e.currentTarget).get('name')?.toString() ?? '')
                setEditing(false)
              }}
            >
              <input name="name" defaultValue={p.user.name} aria-label="Your name" maxLength={60} autoFocus onBlur={() => setEditing(false)} />
            </form>
          ) : p.isMe ? (
            <button type="button" className="crux-linklike" onClick={() => setEditing(true)} title="Change your name">
              {p.user.name} (you)
            </button>
          ) : (
            <span>{p.user.name}</span>
          )}
        </li>
      ))}
    </ul>
  )
}
