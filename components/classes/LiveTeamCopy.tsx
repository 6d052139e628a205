'use client'
import Link from 'next/link'
import { useEffect, useMemo, useState } from 'react'
import type { ArgumentMap } from '@/core/graph'
import { badgesOf } from '@/core/publishing/badges'
import PublishedCanvas from '@/components/published/PublishedCanvas'

type Props = { mapId: string; team: string | null; initial: ArgumentMap }

/**
 * [PG3] One team's copy on the teacher's side-by-side page: drawn at once
 * from the map as the page loaded it, then kept live. The socket module is
 * imported in the browser only, after mount: rendering it on Next's server
 * would load a second Yjs into the sync server's process (see
 * MapEditorLoader).
 */
export function LiveTeamCopy({ mapId, team, initial }: Props) {
  const [map, setMap] = useState(initial)
  const [live, setLive] = useState(false)
  useEffect(() => {
    let stop: (() => void) | undefined
    let gone = false
    void import('./followMap').then(({ followMap }) => {
      if (gone) return
      stop = followMap(mapId, (next) => {
        setMap(next)
        setLive(true)
      })
    })
    return () => {
      gone = true
      stop?.()
    }
  }, [mapId])
  const badges = useMemo(() => badgesOf(map), [map])
  return (
    <section
      data-testid="team-copy"
      data-team={team ?? ''}
      data-map-id={mapId}
      data-live={live ? 'true' : 'false'}
      style={{ height: 420, border: '1px solid #ccc', display: 'flex', flexDirection: 'column' }}
    >
      <h2 style={{ fontSize: 16, margin: 4 }}>
        <Link href={`/maps/${mapId}`}>Team {team}</Link> (<span data-testid="team-copy-count">{map.nodes.length}</span>{' '}
        nodes{live ? ', live' : ''})
      </h2>
      <div style={{ flex: 1, position: 'relative' }}>
        <PublishedCanvas map={map} badges={badges} />
      </div>
    </section>
  )
}
