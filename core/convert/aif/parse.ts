import { ArgumentMapSchema, MAX_NAME, MAX_TEXT, type ArgNode, type ArgumentMap } from '../../graph'
import { checkGraph, formatPath, joinPath, zodIssues, type Issue, type ParseResult } from '../json'
import { readDialogue, type Attribution } from './dialogue'
import { at, grouped, IdAllocator, indexGraph, indexNodes, type AifGraph } from './graph'
import { readAifGraphFast } from './fastInput'
import { readStructure } from './structure'
import {
  AifGraphInSchema,
  CruxDocExtSchema,
  CruxINodeExtSchema,
  OvaLayoutInSchema,
  OvaNodeInSchema,
  type AifGraphIn,
} from './types'

export const DEFAULT_AIF_TITLE = 'Imported AIF map'

/**
 * Reads AIF JSON (an AIFdb export, or an OVA3 save file that wraps AIF in
 * `{ AIF, OVA, text }`), as text or already parsed. Errors (not JSON, wrong
 * shapes, duplicate ids, edges to missing nodes) return no map at all; what
 * AIF can say but Crux cannot comes back as warnings, never silently lost.
 *
 * Ids: a node exported by Crux keeps its Crux id (from its `crux` property);
 * any other node keeps its AIF nodeID when it fits IdSchema, else a cleaned
 * version of it. Relations take the id of their RA/CA node, `-2`, `-3`… for
 * the second and later relations made from one scheme node.
 */
export function parseAif(input: unknown): ParseResult {
  let raw = input
  if (typeof input === 'string') {
    try {
      // [AF5] A UTF-8 byte order mark (Windows tools write one) is not part of the JSON.
      raw = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input)
    } catch (e) {
      return fail(`not JSON: ${(e as Error).message}`, '$')
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('expected a JSON object with "nodes" and "edges" (AIFdb) or "AIF" (OVA3)', '$')
  }
  const wrapper = raw as Record<string, unknown>
  const prefix = 'AIF' in wrapper ? 'AIF' : 'aif' in wrapper ? 'aif' : ''
  const inner = prefix === '' ? wrapper : wrapper[prefix]
  const fast =
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? readAifGraphFast(inner as Record<string, unknown>)
      : undefined
  const parsed = fast ? { success: true as const, data: fast } : AifGraphInSchema.safeParse(inner)
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error, prefix) }
  const index = indexNodes(parsed.data.nodes)
  const errors = checkReferences(parsed.data, prefix, index)
  if (errors.length > 0) return { ok: false, errors }

  const warnings: Issue[] = []
  const positions = ovaPositions(wrapper.OVA ?? inlineLayout(inner), warnings)
  warnings.push(...droppedExtras(wrapper, inner as Record<string, unknown>, parsed.data, prefix))
  const g = indexGraph(parsed.data.nodes, parsed.data.edges, index)
  warnings.push(...directEdges(parsed.data, prefix, g))
  const ids = new IdAllocator()
  const { nodes, cruxIdOf } = readINodes(g, ids, positions, warnings)
  const dialogue = readDialogue(g, parsed.data)
  warnings.push(...dialogue.warnings)
  for (const n of nodes) attribute(n, dialogue.attributions.get(n.aifId))
  const structure = readStructure(g, cruxIdOf, ids)
  warnings.push(...structure.warnings)

  const doc = CruxDocExtSchema.safeParse(parsed.data.crux)
  const map: ArgumentMap = {
    title: doc.success ? doc.data.title.slice(0, MAX_NAME) : DEFAULT_AIF_TITLE,
    nodes: nodes.map((n) => n.node),
    relations: structure.relations,
    votes: doc.success ? doc.data.votes : [],
  }
  // A file with no `crux` properties yields only what was fitted above (ids from the allocator, texts and
  // names cut to their limits), so only fields read from `crux` can break the schema; only then is it run.
  const fromCrux = nodes.some((n) => n.fromCrux)
  const valid = fromCrux ? ArgumentMapSchema.safeParse(map) : { success: true as const, data: map }
  if (!valid.success) {
    // Point at the AIF node the bad Crux node came from, not at our own array.
    return {
      ok: false,
      errors: valid.error.issues.map((issue) => {
        const [list, index, ...rest] = issue.path
        const from = list === 'nodes' && typeof index === 'number' ? nodes[index]?.aifId : undefined
        return {
          message: issue.message,
          at: from !== undefined ? `${at(from)} ${formatPath(rest)}`.trim() : `crux.${formatPath(issue.path)}`,
        }
      }),
    }
  }
  // Sorted by id, like every map read from a document.
  valid.data.nodes.sort(byId)
  valid.data.relations.sort(byId)
  // Ids from the allocator are unique and every relation was made between nodes that exist, so only
  // ids and ends read from `crux` can clash or dangle: the graph check runs for those files.
  if (!fromCrux) return { ok: true, map: valid.data, warnings }
  const checked = checkGraph(valid.data, 'crux')
  return checked.ok ? { ...checked, warnings: [...warnings, ...checked.warnings] } : checked
}

function checkReferences(aif: AifGraphIn, prefix: string, firstAt: ReadonlyMap<string, number>): Issue[] {
  const errors: Issue[] = []
  // Only a file with a repeated id has fewer index entries than nodes; only then are they looked for.
  if (firstAt.size < aif.nodes.length)
    aif.nodes.forEach((n, i) => {
      const first = firstAt.get(n.nodeID)!
      if (first !== i)
        errors.push({
          message: `duplicate nodeID "${n.nodeID}" (also nodes[${first}])`,
          at: joinPath(prefix, `nodes[${i}].nodeID`),
        })
    })
  const missing = (i: number, end: 'fromID' | 'toID', id: string) =>
    errors.push({ message: `edge points to missing node "${id}"`, at: joinPath(prefix, `edges[${i}].${end}`) })
  for (let i = 0; i < aif.edges.length; i++) {
    const e = aif.edges[i]!
    if (!firstAt.has(e.fromID)) missing(i, 'fromID', e.fromID)
    if (!firstAt.has(e.toID)) missing(i, 'toID', e.toID)
  }
  return errors
}

/** AIF puts a scheme node between any two I-nodes; a bare edge means nothing. indexGraph found them. */
function directEdges(aif: AifGraphIn, prefix: string, g: AifGraph): Issue[] {
  const out: Issue[] = []
  for (const i of g.selfLoops)
    out.push({
      message: `edge from node "${aif.edges[i]!.fromID}" to itself dropped`,
      at: joinPath(prefix, `edges[${i}]`),
    })
  for (const i of g.bareEdges)
    out.push({
      message: 'edge joins two I-nodes with no RA/CA between them; dropped',
      at: joinPath(prefix, `edges[${i}]`),
    })
  // In file order, as the edges come.
  return out.sort((a, b) => edgeAt(a.at) - edgeAt(b.at))
}

const edgeAt = (path: string) => Number(/edges\[(\d+)\]$/.exec(path)![1])

interface ImportedNode {
  aifId: string
  node: ArgNode
  /** Exported by Crux: its own fields are authoritative over the locution. */
  fromCrux: boolean
}

function readINodes(
  g: AifGraph,
  ids: IdAllocator,
  positions: Map<string, { x: number; y: number }> | undefined,
  warnings: Issue[],
): { nodes: ImportedNode[]; cruxIdOf: Map<string, string> } {
  const iNodes = g.nodes.filter((n) => n.type === 'I')
  // Crux ids are claimed first so a foreign id can never take one of them.
  const exts = iNodes.map((n) => {
    if (n.crux === undefined) return undefined
    const ext = CruxINodeExtSchema.safeParse(n.crux)
    if (ext.success && ids.reserve(ext.data.id)) return ext.data
    warnings.push({ message: 'unreadable or duplicate "crux" property ignored', at: at(n.nodeID) })
    return undefined
  })
  const cruxIdOf = new Map<string, string>()
  const unplaced: string[] = []
  const nodes = iNodes.map((n, i): ImportedNode => {
    const ext = exts[i]
    const id = ext ? ext.id : ids.take(n.nodeID)
    cruxIdOf.set(n.nodeID, id)
    // [AF5] An over-long proposition is cut to fit and named, not a rejected file.
    const text = fit(n.text, MAX_TEXT, n.nodeID, 'text', warnings)
    if (!ext) {
      const placed = positions?.get(n.nodeID)
      if (positions && !placed) unplaced.push(n.nodeID)
      const { x, y } = placed ?? gridPosition(i)
      return { aifId: n.nodeID, fromCrux: false, node: { id, kind: 'claim', text, x, y, pinned: placed !== undefined } }
    }
    const { id: _id, text: oldText, createdBy: _by, ...rest } = ext
    const node: ArgNode = { ...rest, id, text: oldText ?? text, pinned: ext.pinned ?? false }
    // Exports before [AF1] put the quote in the I-node text and the node's own text in `crux`.
    if (oldText !== undefined) node.quote = text
    return { aifId: n.nodeID, fromCrux: true, node }
  })
  warnings.push(
    ...grouped((k) => `${k} I-node(s) have no usable OVA position; placed on a grid for auto-arrange`, unplaced),
  )
  return { nodes, cruxIdOf }
}

/** [AF2] The locution's words become the quote, its participant the speaker, its YA node the force; the text stays the proposition. */
function attribute(n: ImportedNode, said: Attribution | undefined): void {
  // A Crux export's own fields (force included) are authoritative over its dialogue layer.
  if (!said || n.fromCrux) return
  if (said.force !== undefined) n.node.force = said.force
  if (said.speaker !== undefined) n.node.speaker = said.speaker
  n.node.quote = said.words
}

/** Positions from OVA3's layout block, read entry by entry ([AF4]); undefined when the file has none. */
function ovaPositions(ova: unknown, warnings: Issue[]): Map<string, { x: number; y: number }> | undefined {
  const parsed = OvaLayoutInSchema.safeParse(ova)
  if (!parsed.success || !parsed.data.nodes || parsed.data.nodes.length === 0) return undefined
  const out = new Map<string, { x: number; y: number }>()
  const bad: string[] = []
  parsed.data.nodes.forEach((raw, i) => {
    const n = OvaNodeInSchema.safeParse(raw)
    if (n.success) out.set(n.data.nodeID, { x: Math.round(n.data.x), y: Math.round(n.data.y) })
    else bad.push(`OVA.nodes[${i}]`)
  })
  if (bad.length > 0)
    warnings.push({
      message: `${bad.length} OVA layout entr${bad.length === 1 ? 'y has' : 'ies have'} no usable x/y; ignored`,
      at: bad.slice(0, 5).join(', '),
    })
  return out
}

/**
 * [AF4] OVA's earlier save format (still in OVA3's own repository) has no
 * layout block: each AIF node carries its own x/y. Only nodes that carry a
 * coordinate are layout entries, so a plain AIFdb file has no layout at all.
 */
function inlineLayout(inner: unknown): { nodes: unknown[] } | undefined {
  const nodes = (inner as { nodes?: unknown }).nodes
  if (!Array.isArray(nodes)) return undefined
  const placed = nodes.filter((n) => typeof n === 'object' && n !== null && ('x' in n || 'y' in n))
  return placed.length > 0 ? { nodes: placed } : undefined
}

/** [AF5] What AIF and OVA3 files carry that a Crux map has no place for, said once each. */
function droppedExtras(
  wrapper: Record<string, unknown>,
  inner: Record<string, unknown>,
  aif: AifGraphIn,
  prefix: string,
): Issue[] {
  const out: Issue[] = []
  // OVA3 saves the analysed text as `text`; OVA's earlier format as `analysis.txt`.
  const source = wrapper.text ?? (wrapper.analysis as { txt?: unknown } | undefined)?.txt
  const sourceText =
    typeof source === 'string'
      ? source
      : typeof (source as { txt?: unknown })?.txt === 'string'
        ? (source as { txt: string }).txt
        : ''
  if (sourceText.trim() !== '')
    out.push({
      message: `the analysed source text (${sourceText.length} characters) has no Crux form; dropped`,
      at: wrapper.text !== undefined ? 'text' : 'analysis.txt',
    })
  for (const key of ['schemefulfillments', 'descriptorfulfillments'] as const) {
    // Read from the file itself: the fast reader keeps only what the importer uses.
    const list = inner[key]
    if (Array.isArray(list) && list.length > 0)
      out.push({
        message: `${list.length} ${key} have no Crux form (scheme names are kept on relations); dropped`,
        at: joinPath(prefix, key),
      })
  }
  // A Crux export stamps every node with the export time, which says nothing; another tool's stamps say when things were said.
  const stamped =
    aif.crux === undefined ? aif.nodes.filter((n) => typeof n.timestamp === 'string' && n.timestamp !== '').length : 0
  if (stamped > 0)
    out.push({ message: `${stamped} node timestamps have no Crux form; dropped`, at: joinPath(prefix, 'nodes') })
  return out
}

/** A string cut to `max` characters, with a warning naming the node. */
function fit(value: string, max: number, nodeID: string, field: string, warnings: Issue[]): string {
  if (value.length <= max) return value
  warnings.push({ message: `${field} is ${value.length} characters; cut to ${max}`, at: at(nodeID) })
  return value.slice(0, max)
}

/** Plain AIF has no layout; a grid keeps nodes apart until auto-arrange runs. */
function gridPosition(i: number): { x: number; y: number } {
  return { x: (i % 10) * 280, y: Math.floor(i / 10) * 180 }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function fail(message: string, at: string): ParseResult {
  return { ok: false, errors: [{ message, at }] }
}
