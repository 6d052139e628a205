import type { ArgNode, ArgumentMap, MapCredits, Relation } from '../../graph'
import { escapeArgdownText, oneLine, survivesAsArgdownText, yamlFlowMap, yamlString } from './escape'
import { ARGUMENT_PREFIX, STATEMENT_PREFIX, slugify } from './ids'
import { dataFromNodeFields } from './nodeData'

/**
 * Writes a map as Argdown that parseArgdown reads back to the same nodes
 * (ids, kinds, texts, evidence, positions) and relations. Relation ids are
 * not kept: the parser derives them from kind and ends.
 *
 * Each node is one top-level definition followed by its outgoing relations.
 * Argdown undercuts an argument's one inference, so the first undercut
 * support of each node becomes that node's inference (it is written as an
 * argument `<...>` with that support first) and gets a native `_>`; any other
 * undercut, or one from a node at its own support, goes to the undercutting
 * node's YAML `undercuts: ["from-id to-id"]`.
 */
/** `credits` adds each node's author as YAML data (`author: "Ann"`), which Argdown tools carry and imports ignore. */
export function serializeArgdown(map: ArgumentMap, credits?: MapCredits): string {
  const nameOf = new Map(credits?.people.map((p) => [p.userId, p.name]))
  const authorOf = (id: string) => nameOf.get(credits?.records[id]?.createdBy ?? '')
  const byId = new Map(map.nodes.map((n) => [n.id, n]))
  const relById = new Map(map.relations.map((r) => [r.id, r]))
  const supportOf = (r: Relation): Relation | undefined => {
    const s = r.kind === 'undercuts' ? relById.get(r.target) : undefined
    return s && s.kind === 'supports' && byId.has(s.source) && byId.has(s.target) && s.source !== s.target ? s : undefined
  }
  const inferenceOf = new Map<string, Relation>()
  for (const r of map.relations) {
    const support = supportOf(r)
    if (support && r.source !== support.source && !inferenceOf.has(support.source)) inferenceOf.set(support.source, support)
  }
  const isNative = (r: Relation, support: Relation) => r.source !== support.source && inferenceOf.get(support.source) === support

  const labels = new Map(map.nodes.map((n) => [n.id, labelFor(n, inferenceOf.has(n.id))]))
  const refOf = (id: string) => labels.get(id)!.ref

  const blocks = [`===\ntitle: ${yamlString(map.title)}\n===`]
  for (const node of map.nodes) {
    const lines: string[] = []
    const viaData: string[] = []
    for (const r of outgoing(map.relations, node.id, inferenceOf.get(node.id))) {
      if (r.kind === 'undercuts') {
        const support = supportOf(r)
        if (!support) continue
        if (isNative(r, support)) lines.push(`  _> ${refOf(support.source)}`)
        else viaData.push(`${support.source} ${support.target}`)
      } else if (byId.has(r.target) && r.target !== node.id) {
        lines.push(`  ${r.kind === 'supports' ? '+>' : '->'} ${refOf(r.target)}`)
      }
    }
    blocks.push([definitionLine(node, labels.get(node.id)!, [...new Set(viaData)], authorOf(node.id)), ...lines].join('\n'))
  }
  // Argdown rejects front matter with nothing after it.
  if (map.nodes.length === 0) blocks.push('# No nodes yet')
  return blocks.join('\n\n') + '\n'
}

interface Label {
  /** `[title]` or `<title>`, as written in relations. */
  ref: string
  /** Set when the title does not yield the id, so YAML must carry it. */
  explicitId: boolean
  isArgument: boolean
}

/**
 * The title is the id without its `s-`/`a-` prefix when that round-trips
 * through idFromTitle; otherwise `node <id>` plus YAML `id`. Such titles
 * contain a space, which no slug title does, so titles never collide.
 */
function labelFor(node: ArgNode, mustBeArgument: boolean): Label {
  const isArgument = mustBeArgument || node.kind === 'argument'
  const prefix = isArgument ? ARGUMENT_PREFIX : STATEMENT_PREFIX
  const rest = node.id.slice(prefix.length)
  const slugTitle = node.id.startsWith(prefix) && rest !== '' && slugify(rest) === rest && node.id.length <= 64
  const title = slugTitle ? rest : `node ${node.id}`
  return { ref: isArgument ? `<${title}>` : `[${title}]`, explicitId: !slugTitle, isArgument }
}

function definitionLine(node: ArgNode, label: Label, undercuts: string[], author?: string): string {
  const exact = survivesAsArgdownText(node.text)
  const defaultKind = label.isArgument ? 'argument' : 'claim'
  const data = {
    kind: node.kind === defaultKind ? undefined : node.kind,
    id: label.explicitId ? node.id : undefined,
    text: exact ? undefined : node.text,
    ...dataFromNodeFields(node),
    undercuts: undercuts.length > 0 ? undercuts : undefined,
    author,
  }
  const body = escapeArgdownText(exact ? node.text : oneLine(node.text))
  const yaml = yamlFlowMap(data)
  return `${label.ref}: ${body}${yaml === '{}' ? '' : ` ${yaml}`}`
}

/** The node's outgoing relations, its inference (if any) first so Argdown reads it as such. */
function outgoing(relations: Relation[], id: string, inference: Relation | undefined): Relation[] {
  const own = relations.filter((r) => r.source === id)
  return inference ? [inference, ...own.filter((r) => r.id !== inference.id)] : own
}
