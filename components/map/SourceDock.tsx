'use client'
import { useState } from 'react'
import type { ArgNode } from '@/core/graph'
import { SourcePanel } from '@/components/source/SourcePanel'
import { useMapActions } from './MapActionsContext'

type Props = {
  /** The one selected node, if any. */
  node: ArgNode | undefined
  /** A source opened with "Open source", shown while no evidence is selected. */
  browsing: string | null
  stopBrowsing: () => void
}

/**
 * The source panel's place beside the canvas: the article of the one
 * selected evidence node, else the article opened to pick quotes from.
 * Viewers get it too; only adding evidence needs the right to edit.
 */
export function SourceDock({ node, browsing, stopBrowsing }: Props) {
  const actions = useMapActions()
  // Closing hides the panel while this node stays selected; any new selection brings it back.
  const [closedFor, setClosedFor] = useState<string | null>(null)
  if (closedFor !== null && closedFor !== node?.id) setClosedFor(null)
  // Evidence, and any node that quotes its source (a speaker's claim in their own words).
  const evidence = (node?.kind === 'evidence' || node?.quote) && node.source && node.id !== closedFor ? node : undefined
  const sourceId = evidence?.source ?? browsing
  if (!sourceId) return null

  return (
    <SourcePanel
      sourceId={sourceId}
      quote={
        evidence && {
          quote: evidence.quote,
          quoteStart: evidence.quoteStart,
          quoteEnd: evidence.quoteEnd,
          speaker: evidence.speaker,
        }
      }
      onClose={() => {
        if (evidence) setClosedFor(evidence.id)
        stopBrowsing()
      }}
      onAddEvidence={actions.readOnly ? undefined : (fields) => actions.addNode('evidence', fields)}
    />
  )
}
