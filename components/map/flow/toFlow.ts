import { MarkerType } from '@xyflow/react'
import type { ArgNode, ArgumentMap, Relation } from '@/core/graph'
import { VERDICT_WORDS } from '@/core/evaluate'
import { voiceLabel, voiceOf } from '@/core/sources'
import type { ArgNodeData, Badge, FlowEdge, FlowNode } from './types'
import type { Overlay } from './localOverlay'
import { RELATION_STYLE } from '../edges/relationStyle'
import { KIND_LABEL } from '../nodes/nodeKinds'

/** What the editor shows on nodes beyond the map itself; all optional (the published page has badges only). */
export type NodeDecor = {
  badges?: ReadonlyMap<string, Badge>
  /** The node whose text is being edited in place. */
  editingId?: string | null
  /** nodeId -> colours of the other people who have it selected. */
  remoteSelections?: ReadonlyMap<string, readonly string[]>
  /** nodeId -> who wrote it ([PA1]), shown compactly on the node. */
  authors?: ReadonlyMap<string, NodeAuthor>
  /** Nodes this person may not move or change (locked, or someone else's under the own-work policy). */
  fixed?: ReadonlySet<string>
  /** Nodes outside the contributions filter: shown faded. */
  faded?: ReadonlySet<string>
  /** nodeId -> comments in its open threads ([CM]). */
  comments?: ReadonlyMap<string, number>
  /** nodeId -> how it differs in the history diff being shown. */
  diff?: ReadonlyMap<string, DiffMark>
}

export type DiffMark = 'added' | 'changed'

export type NodeAuthor = { name: string; color: string; team?: string }

type CacheEntry = {
  src: ArgNode
  local: unknown
  badge: Badge | undefined
  editing: boolean
  remote: string
  extra: string
  node: FlowNode
}

/**
 * Derives React Flow nodes from the map plus local overlay and decorations.
 * Unchanged nodes keep their object identity (via `cache`) so React Flow
 * skips re-rendering them: while one node is dragged, or one person starts
 * editing, the other 999 stay put. (Editing and remote selections used to come
 * from React context, which re-rendered every node whenever either changed.)
 */
export function toFlowNodes(
  map: ArgumentMap,
  overlay: Overlay,
  decor: NodeDecor,
  cache: Map<string, CacheEntry>,
): FlowNode[] {
  const seen = new Set<string>()
  const out = map.nodes.map((n) => {
    seen.add(n.id)
    const local = overlay.get(n.id)
    const badge = decor.badges?.get(n.id)
    const editing = decor.editingId === n.id
    const colours = decor.remoteSelections?.get(n.id)
    const remote = colours?.join(' ') ?? ''
    const author = decor.authors?.get(n.id)
    const fixed = decor.fixed?.has(n.id) ?? false
    const faded = decor.faded?.has(n.id) ?? false
    const comments = decor.comments?.get(n.id) ?? 0
    const diff = decor.diff?.get(n.id)
    const extra = `${author?.name ?? ''}\u0000${author?.color ?? ''}\u0000${author?.team ?? ''}\u0000${fixed}\u0000${faded}\u0000${comments}\u0000${diff ?? ''}`
    const hit = cache.get(n.id)
    // Same object first: a drag frame leaves the graph alone, so this skips the key walk for
    // all but the dragged node (less garbage per pointer move on a 1,000-node map).
    if (
      hit &&
      hit.local === local &&
      hit.badge === badge &&
      hit.editing === editing &&
      hit.remote === remote &&
      hit.extra === extra &&
      (hit.src === n || sameNode(hit.src, n))
    )
      return hit.node
    const data: ArgNodeData = {
      kind: n.kind,
      text: n.text,
      pinned: n.pinned,
      quote: n.quote,
      speaker: n.speaker,
      source: n.source,
      badge,
      ...voiceField(n),
      ...(editing ? { editing } : {}),
      ...(colours ? { remoteSelectedBy: [...colours] } : {}),
      ...(author ? { author } : {}),
      ...(n.locked ? { locked: true } : {}),
      ...(n.review ? { review: n.review, ...(n.reviewReason ? { reviewReason: n.reviewReason } : {}) } : {}),
      ...(faded ? { faded } : {}),
      ...(comments ? { comments } : {}),
      ...(diff ? { diff } : {}),
    }
    const node: FlowNode = {
      id: n.id,
      type: 'arg',
      position: local?.position ?? { x: n.x, y: n.y },
      data,
      selected: local?.selected ?? false,
      dragging: local?.dragging ?? false,
      measured: local?.measured,
      // Kind, text, verdict, author: what a sighted reader takes in at a glance (SC 1.1.1, 4.1.2).
      ariaLabel: `${KIND_LABEL[n.kind]}: ${n.text}${badge ? `, ${VERDICT_WORDS[badge.label]}` : ''}${author ? `, by ${author.name}` : ''}`,
      ...(fixed ? { draggable: false } : {}),
    }
    cache.set(n.id, { src: n, local, badge, editing, remote, extra, node })
    return node
  })
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id)
  return out
}

function voiceField(n: ArgNode): { voice?: string } {
  const voice = voiceLabel(voiceOf(n))
  return voice ? { voice } : {}
}

function sameNode(a: ArgNode, b: ArgNode): boolean {
  const ka = Object.keys(a) as (keyof ArgNode)[]
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k])
}

/**
 * Supports and attacks join two nodes. An undercut targets a support, which
 * React Flow cannot: it is drawn as an edge to the support's target node whose
 * custom component bends its end onto the support's midpoint instead.
 */
export function toFlowEdges(map: ArgumentMap, overlay: Overlay): FlowEdge[] {
  const byId = new Map<string, Relation>(map.relations.map((r) => [r.id, r]))
  const out: FlowEdge[] = []
  for (const r of map.relations) {
    const style = RELATION_STYLE[r.kind]
    const marker = { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 }
    const selected = overlay.get(r.id)?.selected ?? false
    if (r.kind === 'undercuts') {
      const support = byId.get(r.target)
      if (!support) continue
      out.push({
        id: r.id,
        type: 'undercut',
        source: r.source,
        target: support.target,
        selected,
        markerEnd: marker,
        data: { kind: r.kind, supportId: support.id, supportSource: support.source },
        ariaLabel: `undercuts the inference ${support.id}`,
      })
    } else {
      out.push({
        id: r.id,
        type: 'relation',
        source: r.source,
        target: r.target,
        selected,
        markerEnd: marker,
        data: { kind: r.kind },
        ariaLabel: r.kind,
      })
    }
  }
  return out
}

/**
 * Keeps the previous object for every edge that did not change, so a remote
 * vote or text edit (a new graph) does not re-render all 1,000 edges of a big
 * map; `cache` carries the previous edges between calls.
 */
export function reuseEdges(next: FlowEdge[], cache: { byId: Map<string, FlowEdge>; list: FlowEdge[] }): FlowEdge[] {
  let changed = next.length !== cache.list.length
  const out = next.map((e, i) => {
    const old = cache.byId.get(e.id)
    const kept = old && sameEdge(old, e) ? old : e
    if (kept !== cache.list[i]) changed = true
    return kept
  })
  // Nothing changed (a vote, a text edit): the same array, so React Flow does not
  // rebuild its connection lookup for every edge of the map.
  if (!changed) return cache.list
  cache.byId = new Map(out.map((e) => [e.id, e]))
  cache.list = out
  return out
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return (
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    a.selected === b.selected &&
    a.data?.kind === b.data?.kind &&
    a.data?.supportId === b.data?.supportId &&
    a.data?.supportSource === b.data?.supportSource
  )
}
