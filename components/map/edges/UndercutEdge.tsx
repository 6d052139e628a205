'use client'
import { memo } from 'react'
import { BaseEdge, Position, getBezierPath, getStraightPath, useInternalNode, type EdgeProps } from '@xyflow/react'
import type { FlowEdge } from '../flow/types'
import { EdgeAnchor, EdgeLabelPortal } from './EdgeLabelPortal'
import { handlePoint } from './handlePoint'
import { RELATION_STYLE } from './relationStyle'

/**
 * An undercut, drawn from the undercutter to the midpoint of the support it
 * attacks. React Flow only joins nodes, so this edge reads the support's two
 * endpoint nodes itself and recomputes the support's curve midpoint exactly as
 * RelationEdge draws it (same handles, same bezier).
 */
function UndercutEdgeImpl({ id, sourceX, sourceY, target, markerEnd, selected, data }: EdgeProps<FlowEdge>) {
  const from = useInternalNode(data?.supportSource ?? '')
  const to = useInternalNode(target)
  const style = RELATION_STYLE.undercuts
  if (!from || !to) return null

  const s = handlePoint(from, 'source')
  const t = handlePoint(to, 'target')
  const [, midX, midY] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: Position.Top,
    targetX: t.x,
    targetY: t.y,
    targetPosition: Position.Bottom,
  })
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX: midX, targetY: midY })

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{
          stroke: style.color,
          strokeWidth: selected ? 3.5 : 2.5,
          strokeDasharray: style.dash,
          strokeLinecap: 'round',
        }}
      />
      <EdgeLabelPortal>
        <EdgeAnchor x={labelX} y={labelY}>
          <div
            className={`crux-edge-label crux-edge-label-undercuts${selected ? ' is-selected' : ''}`}
            style={{ color: style.color }}
            data-testid={`edge-label-${id}`}
          >
            {style.label}
          </div>
        </EdgeAnchor>
      </EdgeLabelPortal>
    </>
  )
}

export const UndercutEdge = memo(UndercutEdgeImpl)
