import { ArgdownTypes, IArgument, IEquivalenceClass, StatementRole, type IArgdownResponse } from '@argdown/core'
import { MAX_NAME, MAX_TEXT, type ArgNode, type NodeKind } from '../../graph'
import { ARGUMENT_PREFIX, STATEMENT_PREFIX, derivedTitle, idFromTitle } from './ids'
import { nodeFieldsFromData, readNodeData } from './nodeData'
import type { ArgdownIssue } from './runArgdown'

export interface Located {
  line: number
  column: number
}

export type Element = IEquivalenceClass | IArgument

export interface ReadElements {
  nodes: (ArgNode & { at: Located })[]
  nodeIdOf: Map<Element, string>
  /** YAML `undercuts: ["from-id to-id"]` entries, resolved once relations exist. */
  dataUndercuts: { source: string; support: string; at: Located }[]
}

/**
 * Every statement `[T]` and argument `<T>` becomes a node ([AD4], [AD6]).
 * [AD9] Nothing here rejects the file: a data field Crux cannot use, an
 * over-long text, or two titles that would share an id are each reported
 * and imported as closely as Crux can hold them.
 */
export function readElements(res: IArgdownResponse, input: string, warnings: ArgdownIssue[]): ReadElements {
  const nodes: ReadElements['nodes'] = []
  const nodeIdOf = new Map<Element, string>()
  const dataUndercuts: ReadElements['dataUndercuts'] = []
  const seen = new Map<string, Located>()

  const add = (el: Element, isArgument: boolean) => {
    const at = locationOf(el)
    const warn = (message: string) => warnings.push({ ...at, message: `${describe(el)}: ${message}` })
    const { data, problems } = readNodeData(el.data ?? {})
    problems.forEach(warn)
    const title = el.title ?? ''
    let id = data.id ?? idFromTitle(isArgument ? ARGUMENT_PREFIX : STATEMENT_PREFIX, title)
    const clash = seen.get(id)
    if (clash) {
      const taken = id
      id = freeId(taken, seen)
      warn(`would get id "${taken}", already used at line ${clash.line}; imported as "${id}"`)
    }
    seen.set(id, at)
    nodeIdOf.set(el, id)
    const defined = definedTexts(el)
    if (new Set(defined).size > 1) warn('is defined with different texts; the last one is used')
    const kind: NodeKind = data.kind ?? (isArgument ? 'argument' : 'claim')
    const own = isArgument
      ? IArgument.getCanonicalMemberText(el as IArgument)
      : IEquivalenceClass.getCanonicalMemberText(el as IEquivalenceClass)
    let text = data.text ?? (own ?? '').trim()
    if (text.length > MAX_TEXT) {
      warn(`text is ${text.length} characters; cut to ${MAX_TEXT}`)
      text = text.slice(0, MAX_TEXT)
    }
    const node: ArgNode & { at: Located } = { id, kind, text, ...nodeFieldsFromData(data), at }
    if (isWritten(title, input) && title !== derivedTitle(id, isArgument).title) {
      if (title.length > MAX_NAME) warn(`title is ${title.length} characters; the first ${MAX_NAME} are kept`)
      node.title = title.slice(0, MAX_NAME)
    }
    nodes.push(node)
    for (const pair of data.undercuts ?? []) dataUndercuts.push({ source: id, support: pair, at })
  }
  for (const s of Object.values(res.statements ?? {})) add(s, false)
  for (const a of Object.values(res.arguments ?? {})) add(a, true)
  return { nodes, nodeIdOf, dataUndercuts }
}

/**
 * Argdown names untitled statements "Untitled 3"; only a title the author
 * wrote is kept, so export does not invent titles they never gave.
 */
function isWritten(title: string, input: string): boolean {
  if (title === '') return false
  return !/^Untitled \d+$/.test(title) || input.includes(`[${title}]`) || input.includes(`<${title}>`)
}

function freeId(taken: string, seen: ReadonlyMap<string, unknown>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = taken.slice(0, 64 - suffix.length) + suffix
    if (!seen.has(candidate)) return candidate
  }
}

function definedTexts(el: Element): string[] {
  const members = el.members as { isReference?: boolean; text?: string; role?: StatementRole }[]
  return members
    .filter((m) => !m.isReference && m.role !== StatementRole.RELATION_STATEMENT && (m.text ?? '').trim() !== '')
    .map((m) => (m.text ?? '').trim())
}

const NOWHERE: Located = { line: Number.MAX_SAFE_INTEGER, column: 0 }

/** Where the element is defined (its first non-reference member), else first mentioned. */
export function locationOf(el: Element): Located {
  type Member = { startLine?: number; startColumn?: number; isReference?: boolean }
  const members = el.members as Member[]
  const definitions = members.filter((m) => !m.isReference && m.startLine !== undefined)
  let best = NOWHERE
  for (const m of definitions.length > 0 ? definitions : members) {
    if (m.startLine === undefined) continue
    const at = { line: m.startLine, column: m.startColumn ?? 1 }
    if (compareLocated(at, best) < 0) best = at
  }
  return best === NOWHERE ? { line: 1, column: 1 } : best
}

export function compareLocated(a: Located, b: Located): number {
  return a.line - b.line || a.column - b.column
}

export function describe(el: Element): string {
  return el.type === ArgdownTypes.ARGUMENT ? `<${el.title}>` : `[${el.title}]`
}
