'use client'
import '@xyflow/react/dist/style.css'
import './map.css'
import { useMemo, useRef, useState } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import { can } from '@/core/permissions'
import { localOrigin, restoreFromTrash, updateNode } from '@/core/ydoc'
import { Canvas } from './Canvas'
import { EditorHeader } from './EditorHeader'
import { Inspector } from './Inspector'
import { OutlinePanel } from './OutlinePanel'
import { DashboardPanel } from './DashboardPanel'
import { FeedbackForm } from './FeedbackForm'
import { ClassroomBar } from './ClassroomBar'
import { ReviewQueue } from './ReviewQueue'
import { MapActionsContext } from './MapActionsContext'
import { Toolbar } from './Toolbar'
import { TrashPanel } from './authorship/TrashPanel'
import { SidePanels } from './SidePanels'
import { useComments } from './comments/useComments'
import { useHistoryView } from './history/useHistoryView'
import { explainRefusal } from './authorship/editPolicy'
import { useAuthorshipView } from './authorship/useAuthorshipView'
import { EvaluationContext } from './evaluation/EvaluationContext'
import { useEditorEvaluation } from './evaluation/useEditorEvaluation'
import { useEditorActions } from './hooks/useEditorActions'
import { useEditorKeys } from './hooks/useEditorKeys'
import { useFlowNodes, useFlowState } from './hooks/useFlowState'
import { useGraph } from './hooks/useGraph'
import { useMapDoc } from './hooks/useMapDoc'
import { usePanel } from './hooks/usePanel'
import { usePresence } from './hooks/usePresence'
import { useUnsavedSince } from './hooks/useUnsavedSince'
import { useUndo } from './hooks/useUndo'
import { useUnstack } from './hooks/useUnstack'

export type MapEditorProps = {
  mapId: string
  title: string
  /** e.g. ws://localhost:3000/ws; empty: derived from the page's location. */
  wsUrl: string
  /** Viewers and commenters: view, pan, zoom and see others; no editing controls, no writes. */
  readOnly?: boolean
}

export default function MapEditor(props: MapEditorProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  )
}

/** Composition only: each concern lives in its hook or component. */
function Editor({ mapId, title, wsUrl, readOnly: readOnlyProp = false }: MapEditorProps) {
  const { doc, provider, status, synced, session, error, refused } = useMapDoc(mapId, wsUrl)
  // The server's current role wins: a demotion arrives with the next token.
  const readOnly = readOnlyProp || (session !== null && !can(session.role, 'edit'))
  const identity = session?.user ?? null
  const graph = useGraph(doc)
  // One origin object per editor: the undo manager tracks exactly this one.
  const [origin] = useState(() => localOrigin('editor'))
  const history = useUndo(readOnly ? null : doc, origin)
  const evaluation = useEditorEvaluation({ graph, doc, origin, session, readOnly, cut: history.cut })
  const [dimDefeated, setDimDefeated] = useState(false)
  const [outlineOpen, setOutlineOpen] = useState(false)
  const flow = useFlowState(graph)
  const presence = usePresence(provider, identity, flow.selection)
  const unsavedSince = useUnsavedSince(provider)
  const explain = useMemo(() => ({ ...evaluation.state, select: flow.select }), [evaluation.state, flow.select])
  const wrapper = useRef<HTMLDivElement>(null)
  const view = useAuthorshipView(doc, graph, session)
  const [notice, setNotice] = useState<string | null>(null)
  const panels = usePanel()
  const comments = useComments(mapId, provider)
  const timeline = useHistoryView(mapId, panels.open === 'history')
  const markFresh = useUnstack(readOnly ? null : doc, graph, origin)
  const { actions, editingId } = useEditorActions({
    doc,
    origin,
    readOnly,
    graph,
    selection: flow.selection,
    select: flow.select,
    cut: history.cut,
    canvas: wrapper,
    policy: view.policy,
    notify: setNotice,
    confirm: (m) => window.confirm(m),
    userId: identity?.id ?? null,
    ownWork: session?.ownWork === true,
    review: session?.review === true,
    markFresh,
  })
  const [connectKind, setConnectKind] = useState<'supports' | 'attacks'>('supports')
  const nodes = useFlowNodes(graph, flow.overlay, {
    badges: evaluation.badges,
    editingId,
    remoteSelections: presence.remoteSelections,
    authors: view.authors,
    fixed: view.fixed,
    faded: view.faded,
    comments: comments.counts,
    diff: timeline.marks,
  })
  const selectedId = flow.selection.length === 1 ? flow.selection[0]! : undefined
  const isOwner = session !== null && can(session.role, 'manage')
  const shownNotice = notice ?? (refused ? explainRefusal(refused) : null)

  useEditorKeys({
    enabled: !readOnly,
    undo: history.undo,
    redo: history.redo,
    editSelected: () => {
      const only = flow.selection.length === 1 ? flow.selection[0] : undefined
      if (!only || !graph.nodes.some((n) => n.id === only) || editingId) return false
      actions.startEditing(only)
      return true
    },
  })

  // The evaluation context wraps only what reads it: a new value on every edit, above the
  // canvas, made React walk all 1,000 nodes' fibres looking for readers.
  return (
    <MapActionsContext.Provider value={actions}>
      <div className="crux-editor" data-testid="map-editor" data-read-only={readOnly || undefined}>
        <EditorHeader
          mapId={mapId}
          // Until the first sync the doc is empty ("Untitled map"): the title the page was served with stands.
          title={synced ? graph.title || title : title}
          status={status}
          unsavedSince={unsavedSince}
          // [PN1] Owners see through the pseudonyms the server put in everyone's presence.
          peers={
            session?.realNames
              ? presence.peers.map((p) => ({
                  ...p,
                  user: { ...p.user, name: session.realNames![p.user.id] ?? p.user.name },
                }))
              : presence.peers
          }
          awareness={provider?.awareness ?? null}
          isOwner={isOwner}
          outline={{ open: outlineOpen, toggle: () => setOutlineOpen((o) => !o) }}
          filter={{ people: view.contributions.people, value: view.filter, onChange: view.setFilter }}
          panels={{ ...panels, trashCount: view.contributions.trash.length, commentCount: comments.openCount }}
        />
        {session && (
          <ClassroomBar
            mapId={mapId}
            phase={session.phase ?? null}
            set={session.phaseSet ?? []}
            canSwitch={isOwner}
            anonymous={session.anonymous === true}
            review={session.reviewMode === true}
          />
        )}
        {error && (
          <p role="alert" className="crux-error" data-testid="editor-error">
            {error}
          </p>
        )}
        {shownNotice && (
          <p role="alert" className="crux-notice" data-testid="editor-notice">
            {shownNotice}
            <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss">
              ×
            </button>
          </p>
        )}
        <EvaluationContext.Provider value={explain}>
          <Toolbar
            connectKind={connectKind}
            setConnectKind={setConnectKind}
            undo={history.undo}
            redo={history.redo}
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            dim={evaluation.badges ? { on: dimDefeated, toggle: () => setDimDefeated((d) => !d) } : undefined}
          />
        </EvaluationContext.Provider>
        <div className="crux-body">
          {outlineOpen && (
            <OutlinePanel
              graph={graph}
              badges={evaluation.badges}
              selection={flow.selection}
              select={flow.select}
              authors={view.authors}
            />
          )}
          <Canvas
            nodes={nodes}
            edges={flow.edges}
            onNodesChange={flow.onNodesChange}
            onEdgesChange={flow.onEdgesChange}
            endPreviews={flow.endPreviews}
            connectKind={connectKind}
            synced={synced}
            others={presence.others}
            setCursor={presence.setCursor}
            wrapper={wrapper}
            dimDefeated={dimDefeated && evaluation.badges !== undefined}
          />
          {isOwner && session?.reviewMode && doc && (
            <ReviewQueue
              nodes={graph.nodes}
              authorOf={(id) => view.authors.get(id)?.name}
              approve={(id) => updateNode(doc, id, { review: undefined, reviewReason: undefined }, origin)}
              reject={(id, reason) => updateNode(doc, id, { review: 'rejected', reviewReason: reason }, origin)}
              select={(id) => flow.select([id])}
            />
          )}
          <SidePanels
            mapId={mapId}
            panels={panels}
            graph={graph}
            selection={flow.selection}
            select={flow.select}
            me={identity?.id ?? null}
            canComment={session !== null && can(session.role, 'comment')}
            isOwner={isOwner}
            comments={comments}
            history={timeline}
            names={{ people: view.contributions.people }}
            dashboard={
              <DashboardPanel
                title={graph.title || title}
                graph={graph}
                byRecord={view.contributions.byRecord}
                people={view.contributions.people}
                realNames={session?.realNames}
                teams={session?.memberTeams}
                evaluation={evaluation.state.evaluation}
                select={flow.select}
                close={panels.close}
              />
            }
            trash={
              <TrashPanel
                trash={view.contributions.trash}
                canRestore={isOwner && !readOnly}
                restore={(id) => {
                  history.cut()
                  if (doc) restoreFromTrash(doc, id, origin)
                }}
                close={panels.close}
              />
            }
            inspector={(extra) => (
              <EvaluationContext.Provider value={explain}>
                <Inspector
                  graph={graph}
                  selection={flow.selection}
                  who={selectedId ? view.contributions.byRecord.get(selectedId) : undefined}
                  refusal={selectedId ? view.policy.refusal(selectedId) : null}
                  canLock={isOwner}
                  extra={
                    <>
                      {extra}
                      {isOwner && selectedId && graph.nodes.some((n) => n.id === selectedId) && (
                        <FeedbackForm mapId={mapId} nodeId={selectedId} />
                      )}
                    </>
                  }
                />
              </EvaluationContext.Provider>
            )}
          />
        </div>
      </div>
    </MapActionsContext.Provider>
  )
}
