'use client'
import '@xyflow/react/dist/style.css'
import '@/components/map/map.css'
import { useMemo, useRef, type ReactNode } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import type { ArgumentMap } from '@/core/graph'
import { Canvas } from '@/components/map/Canvas'
import type { Badge } from '@/components/map/flow/types'
import { useFlowNodes, useFlowState } from '@/components/map/hooks/useFlowState'
import { usePermalinkFocus } from './usePermalinkFocus'

type Props = {
  map: ArgumentMap
  badges: Record<string, Badge>
  /** Rendered inside the flow provider, e.g. the image export buttons. */
  toolbar?: ReactNode
}

const NO_PEERS: never[] = []
const noop = () => {}

/**
 * The editor's canvas, fed a frozen map instead of a live document: no
 * Y.Doc provider, no websocket. Read-only comes from the default map actions
 * context; selection stays local, so a permalink can select its node.
 */
export default function PublishedCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <ReadOnlyCanvas {...props} />
    </ReactFlowProvider>
  )
}

function ReadOnlyCanvas({ map, badges, toolbar }: Props) {
  const badgeMap = useMemo(() => new Map(Object.entries(badges)), [badges])
  const flow = useFlowState(map)
  const nodes = useFlowNodes(map, flow.overlay, { badges: badgeMap })
  const wrapper = useRef<HTMLDivElement>(null)
  const ids = useMemo(() => new Set(map.nodes.map((n) => n.id)), [map])
  usePermalinkFocus(ids, flow.select)

  return (
    <div className="crux-editor" data-testid="published-canvas" data-read-only>
      {toolbar}
      <div className="crux-body">
        <Canvas
          nodes={nodes}
          edges={flow.edges}
          onNodesChange={flow.onNodesChange}
          onEdgesChange={flow.onEdgesChange}
          endPreviews={noop}
          connectKind="supports"
          synced
          others={NO_PEERS}
          setCursor={noop}
          wrapper={wrapper}
          dimDefeated={false}
        />
      </div>
    </div>
  )
}
