'use client'
import type { Authorship } from '@/core/ydoc'

/** A clock reading as people say it: today's as a time, older ones with the date. */
export function formatWhen(ms: number): string {
  const d = new Date(ms)
  const today = new Date().toDateString() === d.toDateString()
  return today
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })
}

/** [PA1] Created by, last edited by, and when, for the inspector. */
export function Byline({ who }: { who: Authorship | undefined }) {
  if (!who?.createdBy && !who?.editedBy) return null
  return (
    <div className="crux-byline" data-testid="byline">
      {who.createdBy && (
        <div data-testid="created-by">
          Created by <strong>{who.createdBy.name}</strong>
          {who.createdBy.group && ` (${who.createdBy.group})`}
          {who.createdAt !== undefined && ` · ${formatWhen(who.createdAt)}`}
          {who.restoredBy && ` · restored by ${who.restoredBy.name}`}
        </div>
      )}
      {who.editedBy && (
        <div data-testid="edited-by">
          Last edited by <strong>{who.editedBy.name}</strong>
          {who.editedAt !== undefined && ` · ${formatWhen(who.editedAt)}`}
        </div>
      )}
    </div>
  )
}
