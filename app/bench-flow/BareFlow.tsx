'use client'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  applyNodeChanges,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react'
import { parseCruxJson } from '@/core/convert/json'

/**
 * The baseline for the editor frame-rate bench: the same nodes and edges as
 * plain React Flow state, positions kept in React state like React Flow's own
 * examples. Same node width as the editor's nodes so both draw alike.
 */
export default function BareFlow({ mapId }: { mapId: string }) {
  return (
    <ReactFlowProvider>
      <Flow mapId={mapId} />
    </ReactFlowProvider>
  )
}

function Flow({ mapId }: { mapId: string }) {
  const [nodes, setNodes] = useState<Node[]>([])
  const [edges, setEdges] = useState<Edge[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!mapId) return setError('add ?map=<id> to the address')
    void (async () => {
      const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/export?format=json`, { cache: 'no-store' })
      const parsed = parseCruxJson(await res.text())
      if (!parsed.ok) return setError(`could not read map ${mapId}`)
      const { map } = parsed
      setNodes(
        map.nodes.map((n) => ({
          id: n.id,
          position: { x: n.x, y: n.y },
          data: { label: n.text },
          style: { width: 220 },
        })),
      )
      const byId = new Map(map.relations.map((r) => [r.id, r]))
      // An undercut aims at a relation; React Flow needs a node, so draw it to the support's target.
      setEdges(
        map.relations.flatMap((r) => {
          const target = r.kind === 'undercuts' ? byId.get(r.target)?.target : r.target
          return target ? [{ id: r.id, source: r.source, target }] : []
        }),
      )
    })()
  }, [mapId])

  // Fit once the nodes are measured, with the editor's options, so both pages show the same view.
  const flow = useReactFlow()
  const initialized = useNodesInitialized()
  const fitted = useRef(false)
  useEffect(() => {
    if (fitted.current || !initialized || nodes.length === 0) return
    fitted.current = true
    void flow.fitView({ padding: 0.2, maxZoom: 1.2 })
  }, [initialized, nodes.length, flow])

  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), [])

  return (
    <div style={{ position: 'fixed', inset: 0 }} data-testid="bench-flow" data-count={nodes.length}>
      {error && <p role="alert">{error}</p>}
      {/* The typing baseline: keystrokes into a plain field over the same canvas. */}
      <input
        data-testid="bench-input"
        aria-label="Typing baseline"
        style={{ position: 'absolute', zIndex: 10, top: 8, left: 8, width: 300 }}
      />
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} minZoom={0.1} maxZoom={2.5} />
    </div>
  )
}
