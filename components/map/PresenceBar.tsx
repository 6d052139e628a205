import type { Peer } from './hooks/usePresence'

/** Everyone connected, this person first. Names and colours come from the server. */
export function PresenceBar({ peers }: { peers: Peer[] }) {
  return (
    <ul className="crux-presence" data-testid="presence" aria-label="People on this map">
      {peers.map((p) => (
        <li key={p.clientId} className="crux-presence-user" data-testid="presence-user" data-me={p.isMe || undefined} style={{ borderColor: p.user.color }}>
          <span className="crux-presence-dot" style={{ background: p.user.color }} aria-hidden="true" />
          <span>{p.isMe ? `${p.user.name} (you)` : p.user.name}</span>
        </li>
      ))}
    </ul>
  )
}
