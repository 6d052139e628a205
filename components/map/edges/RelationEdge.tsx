'use client'
import { memo } from 'react'
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react'
import type { FlowEdge } from '../flow/types'
import { EdgeAnchor, EdgeLabelPortal } from './EdgeLabelPortal'
import { useMapActions } from '../MapActionsContext'
import { RELATION_STYLE } from './relationStyle'

/**
 * supports (solid green) and attacks (dashed red). A support also shows its
 * inference marker at the midpoint: the target an undercut aims at.
 */
function RelationEdgeImpl(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected, data } = props
  const actions = useMapActions()
  const kind = data?.kind ?? 'supports'
  const style = RELATION_STYLE[kind]
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition })

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke: style.color, strokeWidth: selected ? 3.5 : 2, strokeDasharray: style.dash }}
      />
      <EdgeLabelPortal>
        <EdgeAnchor x={midX} y={midY + (kind === 'supports' ? -20 : 0)}>
          <div
            className={`crux-edge-label crux-edge-label-${kind}${selected ? ' is-selected' : ''}`}
            style={{ color: style.color }}
            data-testid={`edge-label-${id}`}
          >
            {style.label}
          </div>
        </EdgeAnchor>
        {kind === 'supports' && (
          <EdgeAnchor x={midX} y={midY}>
            <button
              type="button"
              className="crux-inference nodrag nopan"
              data-testid={`inference-${id}`}
              aria-label="Inference: select one node, then click to undercut this inference"
              title="Inference — select a node, then click here to undercut it"
              onClick={(e) => {
                e.stopPropagation()
                if (!actions.undercut(id)) actions.select([id])
              }}
            />
          </EdgeAnchor>
        )}
      </EdgeLabelPortal>
    </>
  )
}

export const RelationEdge = memo(RelationEdgeImpl)
