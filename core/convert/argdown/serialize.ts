import type { ArgNode, ArgumentMap, MapCredits, PcsStep, Relation } from '../../graph'
import { escapeArgdownText, oneLine, survivesAsArgdownText, yamlFlowMap, yamlString } from './escape'
import { labelsFor, type Label } from './labels'
import { dataFromNodeFields } from './nodeData'
import { pcsBlock, writablePcs } from './writePcs'

export interface SerializeArgdownOptions {
  /** Adds each node's author as YAML data (`author: "Ann"`), which Argdown tools carry and imports ignore. */
  credits?: MapCredits
  /** [AD10] Write every node's position, not only those of nodes a person placed (pinned). */
  allPositions?: boolean
}

/**
 * Writes a map as Argdown that parseArgdown reads back to the same nodes
 * (ids, kinds, texts, titles, evidence, placed positions, reconstructions)
 * and relations. Relation ids are not kept: the parser derives them from
 * kind and ends.
 *
 * Each node is one top-level definition followed by its outgoing relations;
 * an argument with a premise–conclusion structure then gets a block with it
 * ([AD12]), and the supports that structure implies are not written twice.
 * Argdown undercuts an argument's one inference, so the first undercut
 * support of each node becomes that node's inference (it is written as an
 * argument `<...>` with that support first) and gets a native `_>`; any other
 * undercut, or one from a node at its own support, goes to the undercutting
 * node's YAML `undercuts: ["from-id to-id"]`.
 */
export function serializeArgdown(map: ArgumentMap, options: SerializeArgdownOptions = {}): string {
  const { credits } = options
  const nameOf = new Map(credits?.people.map((p) => [p.userId, p.name]))
  const authorOf = (id: string) => nameOf.get(credits?.records[id]?.createdBy ?? '')
  const byId = new Map(map.nodes.map((n) => [n.id, n]))
  const relById = new Map(map.relations.map((r) => [r.id, r]))
  const supportOf = (r: Relation): Relation | undefined => {
    const s = r.kind === 'undercuts' ? relById.get(r.target) : undefined
    return s && s.kind === 'supports' && byId.has(s.source) && byId.has(s.target) && s.source !== s.target
      ? s
      : undefined
  }
  // Structures first: a node in one is written as a statement `[...]`, so it cannot carry a native undercut.
  const pcsOf = new Map<string, PcsStep[]>()
  for (const n of map.nodes) {
    const pcs = writablePcs(n, byId, (s) => s.kind !== 'argument' && !(s.pcs?.length ?? 0))
    if (pcs) pcsOf.set(n.id, pcs)
  }
  const inPcs = new Set([...pcsOf.values()].flatMap((steps) => steps.map((s) => s.node)))
  // An argument's inference is the one its structure ends in, as the parser reads it.
  const nativeFor = (support: Relation) => {
    const steps = pcsOf.get(support.source)
    return !inPcs.has(support.source) && (!steps || steps[steps.length - 1]!.node === support.target)
  }
  const inferenceOf = new Map<string, Relation>()
  for (const r of map.relations) {
    const support = supportOf(r)
    if (support && r.source !== support.source && !inferenceOf.has(support.source) && nativeFor(support))
      inferenceOf.set(support.source, support)
  }
  const isNative = (r: Relation, support: Relation) =>
    r.source !== support.source && inferenceOf.get(support.source) === support

  const labels = labelsFor(map.nodes, (n) => inferenceOf.has(n.id) || pcsOf.has(n.id))
  const implied = impliedByPcs(pcsOf)
  const refOf = (id: string) => labels.get(id)!.ref

  const blocks = [`===\ntitle: ${yamlString(map.title)}\n===`]
  for (const node of map.nodes) {
    const lines: string[] = []
    const viaData: string[] = []
    const written = new Set<string>()
    for (const r of outgoing(map.relations, node.id, inferenceOf.get(node.id))) {
      if (r.kind === 'undercuts') {
        const support = supportOf(r)
        if (!support) continue
        if (isNative(r, support)) lines.push(`  _> ${refOf(support.source)}`)
        else viaData.push(`${support.source} ${support.target}`)
      } else if (
        byId.has(r.target) &&
        r.target !== node.id &&
        !implied.has(`${r.source} ${r.target}`) &&
        r.kind === 'supports'
      ) {
        lines.push(`  +> ${refOf(r.target)}`)
      } else if (byId.has(r.target) && r.target !== node.id && r.kind === 'attacks' && !written.has(r.target)) {
        lines.push(contradictionOf(r, map.relations) ? `  >< ${refOf(r.target)}` : `  -> ${refOf(r.target)}`)
        written.add(r.target)
      }
    }
    const label = labels.get(node.id)!
    blocks.push(
      [definitionLine(node, label, [...new Set(viaData)], authorOf(node.id), options.allPositions), ...lines].join(
        '\n',
      ),
    )
    const pcs = pcsOf.get(node.id)
    if (pcs) blocks.push(pcsBlock(label.ref, pcs, labels))
  }
  // Argdown rejects front matter with nothing after it.
  if (map.nodes.length === 0) blocks.push('# No nodes yet')
  return blocks.join('\n\n') + '\n'
}

/**
 * An attack written as Argdown's `><` stands for both directions, so it is
 * written once, from the node that comes first, when both halves are marked.
 */
function contradictionOf(r: Relation, relations: Relation[]): boolean {
  if (!r.contradictory) return false
  return relations.some(
    (o) => o.kind === 'attacks' && o.contradictory && o.source === r.target && o.target === r.source,
  )
}

/** `premise argument` and `argument conclusion` pairs the written structures already say. */
function impliedByPcs(pcsOf: Map<string, PcsStep[]>): Set<string> {
  const out = new Set<string>()
  for (const [argId, steps] of pcsOf) {
    steps.forEach((s, i) => out.add(i === steps.length - 1 ? `${argId} ${s.node}` : `${s.node} ${argId}`))
  }
  return out
}

function definitionLine(
  node: ArgNode,
  label: Label,
  undercuts: string[],
  author: string | undefined,
  allPositions = false,
): string {
  const exact = survivesAsArgdownText(node.text)
  const defaultKind = label.isArgument ? 'argument' : 'claim'
  const data = {
    kind: node.kind === defaultKind ? undefined : node.kind,
    id: label.explicitId ? node.id : undefined,
    text: exact ? undefined : node.text,
    ...dataFromNodeFields(node, allPositions),
    undercuts: undercuts.length > 0 ? undercuts : undefined,
    author,
  }
  const yaml = yamlFlowMap(data)
  const body = escapeArgdownText(exact ? node.text : oneLine(node.text), yaml === '{}' ? undefined : yaml)
  return `${label.ref}: ${body}${yaml === '{}' ? '' : ` ${yaml}`}`
}

/** The node's outgoing relations, its inference (if any) first so Argdown reads it as such. */
function outgoing(relations: Relation[], id: string, inference: Relation | undefined): Relation[] {
  const own = relations.filter((r) => r.source === id)
  return inference ? [inference, ...own.filter((r) => r.id !== inference.id)] : own
}
