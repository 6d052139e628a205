import type { ArgNode, ArgumentMap, Relation } from '@/core/graph'
import { escapeArgdownText, oneLine, survivesAsArgdownText, yamlFlowMap, yamlString } from './escape'
import { ARGUMENT_PREFIX, STATEMENT_PREFIX, slugify } from './ids'
import { dataFromNodeFields } from './nodeData'

/** Thrown for the one map shape Argdown cannot express (see below). */
export class ArgdownExportError extends Error {}

/**
 * Writes a map as Argdown that parseArgdown reads back to the same nodes
 * (ids, kinds, texts, evidence, positions) and relations. Relation ids are
 * not kept: the parser derives them from kind and ends.
 *
 * Each node is one top-level definition followed by its outgoing relations.
 * Argdown can only undercut an argument's inference, so a node whose support
 * is undercut is written as an argument `<...>` with that support first;
 * a node with two undercut supports, or undercutting its own support,
 * cannot be written and throws ArgdownExportError.
 */
export function serializeArgdown(map: ArgumentMap): string {
  const byId = new Map(map.nodes.map((n) => [n.id, n]))
  const relById = new Map(map.relations.map((r) => [r.id, r]))
  const undercutSupportOf = new Map<string, Relation>()
  for (const r of map.relations) {
    if (r.kind !== 'undercuts') continue
    const support = relById.get(r.target)
    if (!support || support.kind !== 'supports' || !byId.has(support.source) || !byId.has(support.target)) continue
    if (r.source === support.source) {
      throw new ArgdownExportError(`node ${r.source} undercuts its own support ${support.id}; Argdown has no self-relations`)
    }
    const earlier = undercutSupportOf.get(support.source)
    if (earlier && earlier.id !== support.id) {
      throw new ArgdownExportError(
        `node ${support.source} has two undercut supports (${earlier.id}, ${support.id}); Argdown undercuts one inference per argument`,
      )
    }
    undercutSupportOf.set(support.source, support)
  }
  const labels = new Map(map.nodes.map((n) => [n.id, labelFor(n, undercutSupportOf.has(n.id))]))
  const refOf = (id: string) => labels.get(id)!.ref

  const blocks = [`===\ntitle: ${yamlString(map.title)}\n===`]
  for (const node of map.nodes) {
    const label = labels.get(node.id)!
    const lines = [definitionLine(node, label)]
    for (const r of outgoing(map.relations, node.id, undercutSupportOf.get(node.id))) {
      if (r.kind === 'undercuts') {
        const support = relById.get(r.target)
        if (!support || !byId.has(support.source) || !byId.has(support.target) || support.kind !== 'supports') continue
        lines.push(`  _> ${refOf(support.source)}`)
      } else if (byId.has(r.target) && r.target !== node.id) {
        lines.push(`  ${r.kind === 'supports' ? '+>' : '->'} ${refOf(r.target)}`)
      }
    }
    blocks.push(lines.join('\n'))
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

function definitionLine(node: ArgNode, label: Label): string {
  const exact = survivesAsArgdownText(node.text)
  const defaultKind = label.isArgument ? 'argument' : 'claim'
  const data = {
    kind: node.kind === defaultKind ? undefined : node.kind,
    id: label.explicitId ? node.id : undefined,
    text: exact ? undefined : node.text,
    ...dataFromNodeFields(node),
  }
  const body = escapeArgdownText(exact ? node.text : oneLine(node.text))
  const yaml = yamlFlowMap(data)
  return `${label.ref}: ${body}${yaml === '{}' ? '' : ` ${yaml}`}`
}

/** The node's outgoing relations, the undercut support (if any) first so it is the argument's inference. */
function outgoing(relations: Relation[], id: string, inference: Relation | undefined): Relation[] {
  const own = relations.filter((r) => r.source === id)
  return inference ? [inference, ...own.filter((r) => r.id !== inference.id)] : own
}
