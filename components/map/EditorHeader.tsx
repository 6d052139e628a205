'use client'
import type { Awareness } from 'y-protocols/awareness'
import { ExportMenu } from '@/components/interchange/ExportMenu'
import { EvaluationLegend } from '@/components/published/EvaluationLegend'
import { ConnectionBadge } from './ConnectionBadge'
import { CopyMapButton } from './CopyMapButton'
import { PhoneMenu } from './PhoneMenu'
import { PresenceBar } from './PresenceBar'
import { ContributionFilterSelect } from './authorship/ContributionFilterSelect'
import type { ConnectionState } from './hooks/useMapDoc'
import type { PanelState } from './hooks/usePanel'
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
  panels: PanelState & { trashCount: number; commentCount: number }
}

/** The editor's title bar: connection, people, panels, export and the owner's settings. */
export function EditorHeader({
  mapId,
  title,
  status,
  unsavedSince,
  peers,
  awareness,
  isOwner,
  outline,
  filter,
  panels,
}: Props) {
  return (
    <header className="crux-header">
      <a href="/" className="crux-home" aria-label="All maps">
        ←
      </a>
      <h1 className="crux-title">{title}</h1>
      <ConnectionBadge status={status} unsavedSince={unsavedSince} />
      <PresenceBar peers={peers} awareness={awareness} canLead={isOwner} />
      <EvaluationLegend compact />
      <PhoneMenu label="⋯ Map" testId="header-menu" className="crux-header-more">
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
        <button
          type="button"
          aria-expanded={panels.open === 'comments'}
          data-testid="comments-toggle"
          onClick={() => panels.toggle('comments')}
        >
          Comments ({panels.commentCount})
        </button>
        <button
          type="button"
          aria-expanded={panels.open === 'history'}
          data-testid="history-toggle"
          onClick={() => panels.toggle('history')}
        >
          History
        </button>
        <button
          type="button"
          aria-expanded={panels.open === 'trash'}
          data-testid="trash-toggle"
          onClick={() => panels.toggle('trash')}
        >
          Recently deleted ({panels.trashCount})
        </button>
        <ExportMenu title={title} mapId={mapId} />
        <CopyMapButton mapId={mapId} />
        {isOwner && (
          <button
            type="button"
            aria-expanded={panels.open === 'dashboard'}
            data-testid="dashboard-toggle"
            onClick={() => panels.toggle('dashboard')}
          >
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
      </PhoneMenu>
    </header>
  )
}
