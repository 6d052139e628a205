'use client'
import type { Awareness } from 'y-protocols/awareness'
import { useStore } from '@xyflow/react'
import { useFollowing } from './follow/useFollowing'
import type { Peer } from './hooks/usePresence'

/**
 * Everyone connected, this person first. Names and colours come from the server. Another person's chip
 * follows their view; a facilitator (owner) can bring everyone to their view or spotlight the selected node.
 */
export function PresenceBar({
  peers,
  awareness,
  canLead = false,
}: {
  peers: Peer[]
  awareness?: Awareness | null
  canLead?: boolean
}) {
  const following = useFollowing(awareness ?? null, peers)
  const selected = useStore((s) => {
    const picked = s.nodes.filter((n) => n.selected)
    return picked.length === 1 ? picked[0]!.id : null
  })
  return (
    <div className="crux-presence-bar">
      <ul className="crux-presence" data-testid="presence" aria-label="People on this map">
        {peers.map((p) => (
          <li
            key={p.clientId}
            className="crux-presence-user"
            data-testid="presence-user"
            data-me={p.isMe || undefined}
            style={{ borderColor: p.user.color }}
          >
            <span className="crux-presence-dot" style={{ background: p.user.color }} aria-hidden="true" />
            {p.isMe ? (
              <span>{`${p.user.name} (you)`}</span>
            ) : (
              <button
                type="button"
                className="crux-follow"
                aria-pressed={following.followId === p.clientId}
                title={
                  following.followId === p.clientId ? `Stop following ${p.user.name}` : `Follow ${p.user.name}'s view`
                }
                data-testid="follow-person"
                onClick={() => following.follow(p.clientId)}
              >
                {p.user.name}
                {following.followId === p.clientId ? <span className="crux-following"> · following</span> : null}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canLead && peers.length > 1 ? (
        <span className="crux-lead" role="group" aria-label="Facilitate">
          <button type="button" data-testid="summon" onClick={following.summon}>
            Bring everyone here
          </button>
          <button
            type="button"
            data-testid="spotlight"
            disabled={!selected}
            onClick={() => selected && following.spotlight(selected)}
          >
            Spotlight
          </button>
        </span>
      ) : null}
      {following.spotlightId ? (
        // The ring goes on the node itself without a re-render of every node (ids are validated ids).
        <style
          data-spotlight={following.spotlightId}
        >{`.react-flow__node[data-id="${cssString(following.spotlightId)}"] .crux-node { box-shadow: 0 0 0 4px #f59e0b, 0 0 18px 6px rgb(245 158 11 / 0.5); }`}</style>
      ) : null}
    </div>
  )
}

function cssString(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)
}
