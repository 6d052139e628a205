'use client'
import { useCallback, useEffect, useRef, type PointerEvent, type RefObject } from 'react'
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react'
import { initialViewport, mainClaim } from '@/core/layout'
import type { FlowEdge, FlowNode } from './flow/types'
import { useMapActions } from './MapActionsContext'
import { ArgNodeView } from './nodes/ArgNodeView'
import { RelationEdge } from './edges/RelationEdge'
import { UndercutEdge } from './edges/UndercutEdge'
import { Cursors } from './Cursors'
import type { Peer } from './hooks/usePresence'

// Module-level so React Flow never sees new type maps (which remounts everything).
const nodeTypes = { arg: ArgNodeView }
const edgeTypes = { relation: RelationEdge, undercut: UndercutEdge }
// Also module-level: React Flow copies changed props into its store, and every store
// update runs all ~4,000 node, edge and minimap selectors of a big map. A new function
// or array per render (the editor renders on every drag frame) meant one extra full
// store broadcast per frame, and an inline nodeColor re-rendered every minimap node.
const DELETE_KEYS = ['Delete', 'Backspace']
const miniMapNodeColor = (n: FlowNode) => `var(--crux-${n.data.kind}, #94a3b8)`
// Zoomed out this far, the 24 px dot grid is a dot every few screen pixels and the dashes of
// attacks and undercuts are a pixel or two long: both read as noise, yet a software rasteriser
// redraws every dash of every long edge crossing whatever a drag repaints (on a 1,000-node map
// that was more than half of the raster work per frame). So the far view drops the grid and
// draws every relation solid; colour tells kinds apart there, as the labels do up close.
const FAR_ZOOM = 0.4
const isFar = (s: { transform: [number, number, number] }) => s.transform[2] < FAR_ZOOM

type Props = {
  nodes: FlowNode[]
  edges: FlowEdge[]
  onNodesChange: (c: NodeChange<FlowNode>[]) => void
  onEdgesChange: (c: EdgeChange<FlowEdge>[]) => void
  /** Drag previews to drop once their positions are in the doc. */
  endPreviews: (ids: string[]) => void
  connectKind: 'supports' | 'attacks'
  synced: boolean
  others: Peer[]
  setCursor: (p: { x: number; y: number } | null) => void
  wrapper: RefObject<HTMLDivElement | null>
  dimDefeated: boolean
}

/** The React Flow surface: wires events to actions, draws chrome and cursors. */
export function Canvas(p: Props) {
  const actions = useMapActions()
  const { endPreviews } = p
  const flow = useReactFlow()
  const initialized = useNodesInitialized()
  const fitted = useRef(false)
  const far = useStore(isFar)

  // Open once, after the first sync has delivered and measured the nodes: the whole map
  // if its text stays readable, else the main claim at the smallest readable zoom.
  useEffect(() => {
    if (fitted.current || !p.synced) return
    if (p.nodes.length === 0) fitted.current = true
    else if (initialized) {
      fitted.current = true
      const screen = p.wrapper.current?.getBoundingClientRect()
      const sample = p.wrapper.current?.querySelector('.crux-node-text')
      const textPx = sample ? parseFloat(getComputedStyle(sample).fontSize) || 14 : 14
      const focusId = mainClaim(
        p.nodes.map((n) => n.id),
        p.edges,
      )
      const focusNode = focusId ? flow.getInternalNode(focusId) : undefined
      const shown = () => p.wrapper.current?.setAttribute('data-initial-view', 'set')
      if (!screen || screen.width === 0) return void flow.fitView({ padding: 0.2, maxZoom: 1.2 }).then(shown)
      void flow
        .setViewport(
          initialViewport({
            bounds: flow.getNodesBounds(p.nodes),
            focus: focusNode ? flow.getNodesBounds([focusNode]) : undefined,
            screen: { width: screen.width, height: screen.height },
            textPx,
          }),
        )
        .then(shown)
    }
  }, [p.synced, initialized, p.nodes, p.edges, p.wrapper, flow])

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_e, _node, dragged) => {
      actions.move(dragged.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y })))
      endPreviews(dragged.map((n) => n.id))
    },
    [actions, endPreviews],
  )

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) actions.connect(c.source, c.target, p.connectKind)
    },
    [actions, p.connectKind],
  )

  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: FlowNode[]; edges: FlowEdge[] }) =>
      actions.remove({ nodes: nodes.map((n) => n.id), relations: edges.map((e) => e.id) }),
    [actions],
  )

  const onPointerMove = (e: PointerEvent) => p.setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))

  return (
    <div
      ref={p.wrapper}
      className={`crux-canvas${p.dimDefeated ? ' dim-defeated' : ''}${far ? ' is-far' : ''}`}
      onPointerMove={onPointerMove}
      onPointerLeave={() => p.setCursor(null)}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={p.nodes}
        edges={p.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={p.onNodesChange}
        onEdgesChange={p.onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onDelete={onDelete}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!actions.readOnly}
        nodesConnectable={!actions.readOnly}
        deleteKeyCode={actions.readOnly ? null : DELETE_KEYS}
        zoomOnDoubleClick={false}
        minZoom={0.1}
        maxZoom={2.5}
      >
        {!far && <Background gap={24} />}
        <Controls showInteractive={false} />
        <MiniMap<FlowNode> pannable zoomable nodeColor={miniMapNodeColor} />
        <Cursors others={p.others} />
      </ReactFlow>
    </div>
  )
}
