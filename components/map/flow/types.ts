import type { Edge, Node } from '@xyflow/react'
import type { NodeKind, RelationKind } from '@/core/graph'

/** What an evaluation says about one node; shown by NodeBadge when present. */
export type Badge = { label: 'IN' | 'OUT' | 'UNDEC'; strength: number; why: string }

/** Serializable by design: ids and domain fields, never callbacks. */
export type ArgNodeData = {
  kind: NodeKind
  text: string
  pinned: boolean
  quote?: string
  speaker?: string
  source?: string
  /** "reconstruction" or "paraphrasing <speaker>" (core/sources voiceLabel); quotes carry their caption instead. */
  voice?: string
  badge?: Badge
  /** This person is editing the node's text in place. */
  editing?: boolean
  /** Colours of the other people who have the node selected. */
  remoteSelectedBy?: string[]
  /** Who wrote the node ([PA1]). */
  author?: { name: string; color: string; team?: string }
  /** Locked by an owner ([PA5]). */
  locked?: boolean
  /** Outside the contributions filter. */
  faded?: boolean
  /** [PM1] Waiting for a teacher, or rejected with a reason ([PM3]). */
  review?: 'pending' | 'rejected'
  reviewReason?: string
  /** Comments in the node's open threads. */
  comments?: number
  /** Added or changed in the history diff being shown. */
  diff?: 'added' | 'changed'
}
export type FlowNode = Node<ArgNodeData, 'arg'>

export type RelationEdgeData = { kind: RelationKind; supportId?: string; supportSource?: string }
export type FlowEdge = Edge<RelationEdgeData, 'relation' | 'undercut'>

/** Local-only facts about one element: never written to the doc. */
export type LocalState = {
  selected?: boolean
  dragging?: boolean
  /** Drag preview; the doc gets the position once, when the drag ends. */
  position?: { x: number; y: number }
  measured?: { width: number; height: number }
}
