import type { ArgumentMap, NodeKind, Relation, RelationKind } from '../graph'
import { voiceLabel, voiceOf } from '../sources/voice'

/**
 * The whole map as a finite tree, for the server-rendered published page, the
 * accessible outline view and the Markdown export. A map is a graph (shared
 * premises, cycles), so each node appears once in full, at its first place in
 * reading order; every later place is a reference `{ ref }` to it.
 */

/** How an item relates to its parent item. */
export interface OutlineVia {
  kind: RelationKind
  relationId: string
}

export interface OutlineNode {
  id: string
  kind: NodeKind
  text: string
  quote?: string
  speaker?: string
  source?: string
  /** "reconstruction" or "paraphrasing <speaker>" (core/sources voiceLabel). */
  voice?: string
  /** Absent on top-level items. */
  via?: OutlineVia
  /**
   * Nodes supporting or attacking this one (supports first), then, when this
   * item is a support, the undercuts aimed at that support.
   */
  children: OutlineItem[]
}

export interface OutlineRef {
  ref: string
  via?: OutlineVia
  /** Undercuts of the support this reference stands for: they belong here, not at the full node. */
  children: OutlineItem[]
}

export type OutlineItem = OutlineNode | OutlineRef

export const isRef = (item: OutlineItem): item is OutlineRef => 'ref' in item

/**
 * Top level: nodes that support, attack or undercut nothing, main theses
 * first (most descendants, ties by id). Nodes only reachable through a cycle
 * are added as extra top-level items, by the same order, so nothing is left out.
 */
export function buildOutline(map: ArgumentMap): OutlineItem[] {
  const nodeById = new Map(map.nodes.map((n) => [n.id, n]))
  const into = new Map<string, Relation[]>()
  const undercutsOf = new Map<string, Relation[]>()
  const hasOutgoing = new Set<string>()
  for (const r of map.relations) {
    if (!nodeById.has(r.source)) continue
    if (r.kind === 'undercuts') push(undercutsOf, r.target, r)
    else if (nodeById.has(r.target)) push(into, r.target, r)
    else continue
    hasOutgoing.add(r.source)
  }
  for (const list of [...into.values(), ...undercutsOf.values()]) list.sort(readingOrder)

  const children = new Map<string, string[]>()
  const childrenOf = (id: string): string[] => {
    let list = children.get(id)
    if (!list) {
      list = (into.get(id) ?? []).flatMap((r) => [r.source, ...(undercutsOf.get(r.id) ?? []).map((u) => u.source)])
      children.set(id, list)
    }
    return list
  }
  const rank = rankByDescendants(childrenOf)

  const seen = new Set<string>()
  const item = (id: string, via?: OutlineVia): OutlineItem => {
    const undercuts = (): OutlineItem[] =>
      via?.kind === 'supports'
        ? (undercutsOf.get(via.relationId) ?? []).map((u) => item(u.source, { kind: 'undercuts', relationId: u.id }))
        : []
    if (seen.has(id)) return via ? { ref: id, via, children: undercuts() } : { ref: id, children: [] }
    seen.add(id)
    const n = nodeById.get(id)!
    const out: OutlineNode = { id, kind: n.kind, text: n.text, children: [] }
    if (n.quote !== undefined) out.quote = n.quote
    if (n.speaker !== undefined) out.speaker = n.speaker
    if (n.source !== undefined) out.source = n.source
    const voice = voiceLabel(voiceOf(n))
    if (voice) out.voice = voice
    if (via) out.via = via
    for (const r of into.get(id) ?? []) out.children.push(item(r.source, { kind: r.kind, relationId: r.id }))
    out.children.push(...undercuts())
    return out
  }

  const ids = map.nodes.map((n) => n.id)
  const roots = rank(ids.filter((id) => !hasOutgoing.has(id)))
  const outline = roots.map((id) => item(id))
  // Whatever is left sits on a cycle with no way out; start it at its biggest node.
  for (const id of rank(ids.filter((id) => !seen.has(id)))) if (!seen.has(id)) outline.push(item(id))
  return outline
}

/** Supports before attacks, then by source id: stable reading order. */
function readingOrder(a: Relation, b: Relation): number {
  const k = (r: Relation) => (r.kind === 'supports' ? 0 : r.kind === 'attacks' ? 1 : 2)
  return k(a) - k(b) || cmp(a.source, b.source) || cmp(a.id, b.id)
}

function rankByDescendants(childrenOf: (id: string) => string[]): (ids: string[]) => string[] {
  const count = (start: string) => {
    const reached = new Set([start])
    const stack = [start]
    while (stack.length > 0) {
      for (const c of childrenOf(stack.pop()!)) {
        if (!reached.has(c)) {
          reached.add(c)
          stack.push(c)
        }
      }
    }
    return reached.size - 1
  }
  return (ids) => {
    const sizes = new Map(ids.map((id) => [id, count(id)]))
    return [...ids].sort((a, b) => sizes.get(b)! - sizes.get(a)! || cmp(a, b))
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
