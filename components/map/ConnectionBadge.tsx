import type { ConnectionState } from './hooks/useMapDoc'

const HINT: Record<ConnectionState, string> = {
  connected: 'Live: changes are shared as you make them',
  connecting: 'Connecting to the server…',
  offline: 'Offline: keep editing, changes merge when the connection returns',
  denied: 'You no longer have access to this map',
}

export function ConnectionBadge({ status }: { status: ConnectionState }) {
  return (
    <span className={`crux-conn crux-conn-${status}`} data-testid="connection-status" data-state={status} title={HINT[status]} role="status">
      {status}
    </span>
  )
}
