import { MarkerType } from '@xyflow/react'
import type { ArgNode, ArgumentMap, Relation } from '@/core/graph'
import type { ArgNodeData, Badge, FlowEdge, FlowNode } from './types'
import type { Overlay } from './localOverlay'
import { RELATION_STYLE } from '../edges/relationStyle'
import { KIND_LABEL } from '../nodes/nodeKinds'

/**
 * Derives React Flow nodes from the map plus local overlay. Unchanged nodes
 * keep their object identity (via `cache`) so React Flow skips re-rendering
 * them: while one node is dragged, the other 500 stay put.
 */
export function toFlowNodes(
  map: ArgumentMap,
  overlay: Overlay,
  badges: ReadonlyMap<string, Badge> | undefined,
  cache: Map<string, { src: ArgNode; local: unknown; badge: Badge | undefined; node: FlowNode }>,
): FlowNode[] {
  const seen = new Set<string>()
  const out = map.nodes.map((n) => {
    seen.add(n.id)
    const local = overlay.get(n.id)
    const badge = badges?.get(n.id)
    const hit = cache.get(n.id)
    // Same object first: a drag frame leaves the graph alone, so this skips the key walk for
    // all but the dragged node (less garbage per pointer move on a 1,000-node map).
    if (hit && hit.local === local && hit.badge === badge && (hit.src === n || sameNode(hit.src, n))) return hit.node
    const data: ArgNodeData = { kind: n.kind, text: n.text, pinned: n.pinned, quote: n.quote, speaker: n.speaker, source: n.source, badge }
    const node: FlowNode = {
      id: n.id,
      type: 'arg',
      position: local?.position ?? { x: n.x, y: n.y },
      data,
      selected: local?.selected ?? false,
      dragging: local?.dragging ?? false,
      measured: local?.measured,
      ariaLabel: `${KIND_LABEL[n.kind]}: ${n.text}`,
    }
    cache.set(n.id, { src: n, local, badge, node })
    return node
  })
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id)
  return out
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
        id: r.id, type: 'undercut', source: r.source, target: support.target, selected, markerEnd: marker,
        data: { kind: r.kind, supportId: support.id, supportSource: support.source },
        ariaLabel: `undercuts the inference ${support.id}`,
      })
    } else {
      out.push({ id: r.id, type: 'relation', source: r.source, target: r.target, selected, markerEnd: marker, data: { kind: r.kind }, ariaLabel: r.kind })
    }
  }
  return out
}

/**
 * Keeps the previous object for every edge that did not change, so a remote
 * vote or text edit (a new graph) does not re-render all 1,000 edges of a big
 * map; `cache` carries the previous edges by id between calls.
 */
export function reuseEdges(next: FlowEdge[], cache: Map<string, FlowEdge>): FlowEdge[] {
  const out = next.map((e) => {
    const old = cache.get(e.id)
    return old && sameEdge(old, e) ? old : e
  })
  cache.clear()
  for (const e of out) cache.set(e.id, e)
  return out
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return (
    a.type === b.type && a.source === b.source && a.target === b.target && a.selected === b.selected &&
    a.data?.kind === b.data?.kind && a.data?.supportId === b.data?.supportId && a.data?.supportSource === b.data?.supportSource
  )
}
