'use client'
import { useState } from 'react'

/**
 * [PF1] A teacher's feedback on the selected node: private to its author and
 * the teachers, or public. It becomes a comment thread on the node, so the
 * author reads it (and replies) in the comments panel.
 */
export function FeedbackForm({ mapId, nodeId }: { mapId: string; nodeId: string }) {
  const [body, setBody] = useState('')
  const [isPrivate, setPrivate] = useState(true)
  const [status, setStatus] = useState<string | null>(null)
  async function send() {
    setStatus(null)
    const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nodeId, body, private: isPrivate }),
    })
    if (res.ok) {
      setBody('')
      setStatus(isPrivate ? 'Sent to the author (and the teachers).' : 'Posted for everyone.')
    } else
      setStatus(
        ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
          'Could not send the feedback',
      )
  }
  return (
    <section className="crux-feedback" aria-label="Feedback on this node" data-testid="feedback-form">
      <h3>Feedback</h3>
      <textarea
        value={body}
        maxLength={5000}
        rows={3}
        onChange={(e) => setBody(e.target.value)}
        aria-label="Feedback"
        data-testid="feedback-body"
      />
      <select
        value={isPrivate ? 'private' : 'public'}
        onChange={(e) => setPrivate(e.target.value === 'private')}
        aria-label="Who reads it"
        data-testid="feedback-visibility"
      >
        <option value="private">Private: the author and teachers</option>
        <option value="public">Public: everyone on the map</option>
      </select>
      <button type="button" disabled={body.trim() === ''} onClick={() => void send()} data-testid="feedback-send">
        Send feedback
      </button>
      {status && (
        <p role="status" data-testid="feedback-status">
          {status}
        </p>
      )}
    </section>
  )
}
