import type { ConnectionState } from './hooks/useMapDoc'

const HINT: Record<ConnectionState, string> = {
  connected: 'Live: changes are shared as you make them',
  connecting: 'Connecting to the server…',
  offline: 'Offline: keep editing, changes merge when the connection returns',
  denied: 'You no longer have access to this map',
}

const UNSAVED_HINT =
  'Connected, but the server cannot save right now: your changes are shared and kept, and saved once the database is back'

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** [DU2] "Not saved since hh:mm" only while connected: offline says more, and the signal lives on the connection. */
export function ConnectionBadge({
  status,
  unsavedSince = null,
}: {
  status: ConnectionState
  unsavedSince?: number | null
}) {
  if (status === 'connected' && unsavedSince !== null) {
    return (
      <span
        className="crux-conn crux-conn-unsaved"
        data-testid="connection-status"
        data-state="unsaved"
        title={UNSAVED_HINT}
        role="status"
      >
        Not saved since {clock(unsavedSince)}
      </span>
    )
  }
  return (
    <span
      className={`crux-conn crux-conn-${status}`}
      data-testid="connection-status"
      data-state={status}
      title={HINT[status]}
      role="status"
    >
      {status}
    </span>
  )
}
