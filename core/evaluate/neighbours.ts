import type { ArgumentMap, NodeKind, Relation } from '@/core/graph'
import type { Label } from './grounded'
import type { InferenceEvaluation, NodeEvaluation } from './results'

/**
 * The data behind the editor's explain panel: what a label means in plain
 * words, and which arguments bear on a node or on a support's inference, with
 * their own verdicts, so a reader can follow the reasoning one click at a time.
 */

export const LABEL_MEANING: Record<Label, string> = {
  IN: 'Stands: nothing attacks it, or every attack on it is defeated.',
  OUT: 'Defeated: an argument that stands attacks it.',
  UNDEC: 'Undecided: it is caught in a conflict that nothing settles.',
}

/** One argument bearing on the explained node, through one relation. */
export interface RelatedArgument {
  relationId: string
  nodeId: string
  kind: NodeKind
  text: string
  label: Label
  strength: number
  /** For a supporter: how much of its strength gets through its (maybe undercut) inference. */
  inference?: { label: Label; strength: number }
}

export interface NodeNeighbours {
  attackers: RelatedArgument[]
  supporters: RelatedArgument[]
}

type Verdicts = {
  nodes: ReadonlyMap<string, NodeEvaluation>
  inferences: ReadonlyMap<string, InferenceEvaluation>
}

/**
 * Attackers and supporters of a node, the decisive ones first: IN before
 * UNDEC before OUT, then the strongest. So an OUT node lists the attacker that
 * defeated it at the top.
 */
export function nodeNeighbours(map: ArgumentMap, ev: Verdicts, nodeId: string): NodeNeighbours {
  const attackers: RelatedArgument[] = []
  const supporters: RelatedArgument[] = []
  const nodes = nodeIndex(map)
  for (const r of map.relations) {
    if (r.target !== nodeId || r.kind === 'undercuts') continue
    const related = relate(r, nodes, ev)
    if (!related) continue
    if (r.kind === 'attacks') attackers.push(related)
    else {
      const inf = ev.inferences.get(r.id)
      supporters.push(inf ? { ...related, inference: { label: inf.label, strength: inf.strength } } : related)
    }
  }
  return { attackers: attackers.sort(decisiveFirst), supporters: supporters.sort(decisiveFirst) }
}

export interface InferenceStatus extends InferenceEvaluation {
  supporter: { id: string; text: string }
  target: { id: string; text: string }
  undercutters: RelatedArgument[]
}

/** For a selected `supports` relation: does the step from supporter to target hold, and what undercuts it. */
export function inferenceStatus(map: ArgumentMap, ev: Verdicts, relationId: string): InferenceStatus | null {
  const support = map.relations.find((r) => r.id === relationId && r.kind === 'supports')
  const inf = ev.inferences.get(relationId)
  if (!support || !inf) return null
  const nodes = nodeIndex(map)
  const undercutters: RelatedArgument[] = []
  for (const r of map.relations) {
    if (r.kind !== 'undercuts' || r.target !== relationId) continue
    const related = relate(r, nodes, ev)
    if (related) undercutters.push(related)
  }
  const name = (id: string) => ({ id, text: displayText(nodes.get(id)) })
  return {
    label: inf.label,
    strength: inf.strength,
    why: inf.why,
    supporter: name(support.source),
    target: name(support.target),
    undercutters: undercutters.sort(decisiveFirst),
  }
}

type NodeInfo = { kind: NodeKind; text: string }

function nodeIndex(map: ArgumentMap): Map<string, NodeInfo> {
  return new Map(map.nodes.map((n) => [n.id, { kind: n.kind, text: n.text }]))
}

function relate(r: Relation, nodes: Map<string, NodeInfo>, ev: Verdicts): RelatedArgument | null {
  const source = nodes.get(r.source)
  const verdict = ev.nodes.get(r.source)
  // A relation the evaluation did not keep ([FW1]) has no verdict to show.
  if (!source || !verdict) return null
  return {
    relationId: r.id,
    nodeId: r.source,
    kind: source.kind,
    text: displayText(source),
    label: verdict.label,
    strength: verdict.strength,
  }
}

/** Untitled nodes still need a name a person can click. */
export function displayText(node: NodeInfo | undefined): string {
  if (!node) return '(missing)'
  return node.text.trim() || `(untitled ${node.kind})`
}

const LABEL_ORDER: Record<Label, number> = { IN: 0, UNDEC: 1, OUT: 2 }

function decisiveFirst(a: RelatedArgument, b: RelatedArgument): number {
  return (
    LABEL_ORDER[a.label] - LABEL_ORDER[b.label] ||
    b.strength - a.strength ||
    (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0)
  )
}
