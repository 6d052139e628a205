'use client'
import type { ReactNode } from 'react'
import type { ArgumentMap } from '@/core/graph'
import { nameResolver, votesByPerson, type NameBook } from '@/core/people/displayName'
import { CommentsPanel } from './comments/CommentsPanel'
import type { CommentsApi } from './comments/useComments'
import { VotesByPerson } from './evaluation/VotesByPerson'
import { HistoryPanel } from './history/HistoryPanel'
import type { HistoryView } from './history/useHistoryView'
import type { PanelState } from './hooks/usePanel'

type Props = {
  mapId: string
  panels: PanelState
  graph: ArgumentMap
  selection: string[]
  select: (ids: string[]) => void
  me: string | null
  canComment: boolean
  isOwner: boolean
  comments: CommentsApi
  history: HistoryView
  names: NameBook
  /** The trash panel, and the inspector (given what goes below its fields), as the editor composes them. */
  trash: ReactNode
  /** [DB1] The owners' dashboard. */
  dashboard: ReactNode
  inspector: (extra: ReactNode) => ReactNode
}

/** The panel beside the canvas: comments, history, the trash, or (by default) the inspector. */
export function SidePanels({
  mapId,
  panels,
  graph,
  selection,
  select,
  me,
  canComment,
  isOwner,
  comments,
  history,
  names,
  trash,
  dashboard,
  inspector,
}: Props) {
  const nameOf = nameResolver(names, [...names.people.keys(), ...graph.votes.map((v) => v.userId)])
  if (panels.open === 'comments') {
    return (
      <CommentsPanel
        api={comments}
        graph={graph}
        selection={selection}
        select={select}
        me={me}
        canComment={canComment}
        isOwner={isOwner}
        close={panels.close}
      />
    )
  }
  if (panels.open === 'history') {
    return (
      <HistoryPanel
        mapId={mapId}
        history={history}
        graph={graph}
        selection={selection}
        select={select}
        nameOf={nameOf}
        isOwner={isOwner}
        close={panels.close}
      />
    )
  }
  if (panels.open === 'trash') return <>{trash}</>
  if (panels.open === 'dashboard' && isOwner) return <>{dashboard}</>
  const node = selection.length === 1 ? graph.nodes.find((n) => n.id === selection[0]) : undefined
  return (
    <>
      {inspector(
        isOwner && (
          <VotesByPerson
            people={votesByPerson(graph, names, node ? new Set([node.id]) : undefined)}
            scope={node ? 'node' : 'map'}
          />
        ),
      )}
    </>
  )
}
