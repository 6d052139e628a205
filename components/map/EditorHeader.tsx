'use client'
import type { Awareness } from 'y-protocols/awareness'
import { ExportMenu } from '@/components/interchange/ExportMenu'
import { ConnectionBadge } from './ConnectionBadge'
import { CopyMapButton } from './CopyMapButton'
import { PresenceBar } from './PresenceBar'
import { ContributionFilterSelect } from './authorship/ContributionFilterSelect'
import type { ConnectionState } from './hooks/useMapDoc'
import type { Peer } from './hooks/usePresence'

type Props = {
  mapId: string
  title: string
  status: ConnectionState
  unsavedSince: number | null
  peers: Peer[]
  awareness: Awareness | null
  isOwner: boolean
  outline: { open: boolean; toggle: () => void }
  filter: Parameters<typeof ContributionFilterSelect>[0]
  trash: { open: boolean; count: number; toggle: () => void }
  /** [DB1] Owners' dashboard. */
  dashboard: { open: boolean; toggle: () => void }
}

/** The editor's title bar: connection, people, panels, export and the owner's settings. */
export function EditorHeader({ mapId, title, status, unsavedSince, peers, awareness, isOwner, outline, filter, trash, dashboard }: Props) {
  return (
    <header className="crux-header">
      <a href="/" className="crux-home" aria-label="All maps">
        ←
      </a>
      <h1 className="crux-title">{title}</h1>
      <ConnectionBadge status={status} unsavedSince={unsavedSince} />
      <PresenceBar peers={peers} awareness={awareness} canLead={isOwner} />
      <button
        type="button"
        className="crux-outline-toggle"
        aria-expanded={outline.open}
        aria-controls="crux-outline"
        data-testid="outline-toggle"
        onClick={outline.toggle}
      >
        Outline
      </button>
      <ContributionFilterSelect {...filter} />
      <button type="button" aria-expanded={trash.open} data-testid="trash-toggle" onClick={trash.toggle}>
        Recently deleted ({trash.count})
      </button>
      <ExportMenu title={title} mapId={mapId} />
      <CopyMapButton mapId={mapId} />
      {isOwner && (
        <button type="button" aria-expanded={dashboard.open} data-testid="dashboard-toggle" onClick={dashboard.toggle}>
          Dashboard
        </button>
      )}
      {isOwner && (
        <nav className="crux-owner-links" aria-label="Map settings">
          <a href={`/maps/${mapId}/share`} data-testid="share-link">
            Share
          </a>
          <a href={`/maps/${mapId}/publish`} data-testid="publish-link">
            Publish
          </a>
        </nav>
      )}
    </header>
  )
}
