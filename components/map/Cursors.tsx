'use client'
import { ViewportPortal } from '@xyflow/react'
import type { Peer } from './hooks/usePresence'

/**
 * Other people's pointers, placed in flow coordinates so they stay on the
 * same spot of the map whatever each viewer's zoom and pan.
 */
export function Cursors({ others }: { others: Peer[] }) {
  return (
    <ViewportPortal>
      {others.map((p) =>
        p.cursor ? (
          <div
            key={p.clientId}
            className="crux-cursor"
            data-testid="remote-cursor"
            style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px)` }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path
                d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z"
                fill={p.user.color}
                stroke="#fff"
                strokeWidth="1.2"
              />
            </svg>
            <span className="crux-cursor-name" style={{ background: p.user.color }}>
              {p.user.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  )
}
