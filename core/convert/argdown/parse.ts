import {
  ArgdownTypes,
  IArgument,
  IEquivalenceClass,
  RelationType,
  StatementRole,
  type IArgdownResponse,
  type IRelation,
  type RelationMember,
} from '@argdown/core'
import { ArgumentMapSchema, type ArgNode, type ArgumentMap, type NodeKind, type Relation, type RelationKind } from '../../graph'
import { ARGUMENT_PREFIX, STATEMENT_PREFIX, idFromTitle, relationId } from './ids'
import { NodeDataSchema, nodeFieldsFromData } from './nodeData'
import { runArgdown, sortIssues, type ArgdownIssue } from './runArgdown'

export type { ArgdownIssue } from './runArgdown'

export type ArgdownParseResult =
  | { ok: true; map: ArgumentMap; warnings: ArgdownIssue[] }
  | { ok: false; errors: ArgdownIssue[] }

export const DEFAULT_IMPORT_TITLE = 'Imported map'

/**
 * Reads an Argdown document into a map. Conventions (see content/README.md):
 * - every statement `[T]` and argument `<T>` is a node, id `s-`/`a-` + slug(T)
 *   unless YAML `id` says otherwise; kind from YAML `kind`, else claim/argument;
 * - `+>` supports, `->` and contrary/contradiction attack, `_>` undercuts;
 * - a premise–conclusion structure: each premise supports the argument,
 *   and the argument supports its main conclusion;
 * - an undercut of `<A>` targets A's support of its main conclusion, or
 *   (without one) A's first outgoing support in the document; YAML
 *   `undercuts: ["from-id to-id"]` names any other support to undercut.
 * On any error nothing is returned but the errors.
 */
export function parseArgdown(text: string): ArgdownParseResult {
  if (text.trim() === '') return { ok: true, map: emptyImport(), warnings: [] }
  const run = runArgdown(text)
  if (!run.ok) return run
  return buildMap(run.response)
}

function emptyImport(): ArgumentMap {
  return { title: DEFAULT_IMPORT_TITLE, nodes: [], relations: [], votes: [] }
}

interface Located {
  line: number
  column: number
}

type Element = IEquivalenceClass | IArgument

function buildMap(res: IArgdownResponse): ArgdownParseResult {
  const errors: ArgdownIssue[] = []
  const warnings: ArgdownIssue[] = []
  const nodeIdOf = new Map<Element, string>()
  const nodes: (ArgNode & { at: Located })[] = []
  const seen = new Map<string, Located>()

  const dataUndercuts: { source: string; support: string; at: Located }[] = []
  const addElement = (el: Element, isArgument: boolean) => {
    const at = locationOf(el)
    const data = NodeDataSchema.safeParse(el.data ?? {})
    if (!data.success) {
      for (const issue of data.error.issues) {
        errors.push({ ...at, message: `${describe(el)}: data ${issue.path.join('.') || ''} ${issue.message}`.replace('  ', ' ') })
      }
      return
    }
    const id = data.data.id ?? idFromTitle(isArgument ? ARGUMENT_PREFIX : STATEMENT_PREFIX, el.title ?? '')
    const clash = seen.get(id)
    if (clash) {
      errors.push({ ...at, message: `${describe(el)} gets id "${id}", already used at line ${clash.line}` })
      return
    }
    seen.set(id, at)
    nodeIdOf.set(el, id)
    const defined = definedTexts(el)
    if (new Set(defined).size > 1) warnings.push({ ...at, message: `${describe(el)} is defined with different texts; the last one is used` })
    const kind: NodeKind = data.data.kind ?? (isArgument ? 'argument' : 'claim')
    const ownText = isArgument ? IArgument.getCanonicalMemberText(el as IArgument) : IEquivalenceClass.getCanonicalMemberText(el as IEquivalenceClass)
    nodes.push({ id, kind, text: data.data.text ?? (ownText ?? '').trim(), ...nodeFieldsFromData(data.data), at })
    for (const pair of data.data.undercuts ?? []) dataUndercuts.push({ source: id, support: pair, at })
  }
  for (const s of Object.values(res.statements ?? {})) addElement(s, false)
  for (const a of Object.values(res.arguments ?? {})) addElement(a, true)
  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) }

  const relations = new RelationList()
  const nodeOf = (m: RelationMember | undefined): string | undefined => {
    if (!m) return undefined
    if (m.type === ArgdownTypes.INFERENCE) return nodeIdOf.get(res.arguments?.[m.argumentTitle ?? ''] as IArgument)
    return nodeIdOf.get(m)
  }
  // Premise–conclusion structures first: they are the arguments' own inferences.
  const mainSupport = new Map<string, string>()
  for (const a of Object.values(res.arguments ?? {})) {
    const argId = nodeIdOf.get(a)!
    for (const st of a.pcs) {
      const stId = nodeIdOf.get(res.statements?.[st.title ?? ''] as IEquivalenceClass)
      if (!stId || stId === argId) continue
      if (st.role === StatementRole.MAIN_CONCLUSION) mainSupport.set(argId, relations.add('supports', argId, stId))
      else relations.add('supports', stId, argId)
    }
  }
  const explicit = [...(res.relations ?? [])].sort((a, b) => compareLocated(firstOccurrence(a), firstOccurrence(b)))
  const undercuts: { source: string; argument: string; at: Located }[] = []
  for (const r of explicit) {
    const at = firstOccurrence(r)
    const source = nodeOf(r.from)
    const target = nodeOf(r.to)
    if (!source || !target) {
      errors.push({ ...at, message: `relation ${describeRelation(r)} has a missing end` })
      continue
    }
    if (r.relationType === RelationType.UNDERCUT) {
      // An undercut's target is a support relation, so `<A> _> <A>` is no self-loop.
      if (r.to?.type === ArgdownTypes.EQUIVALENCE_CLASS) {
        errors.push({ ...at, message: `an undercut attacks an inference, so its target must be an argument <...>, not [${r.to.title}]` })
      } else undercuts.push({ source, argument: target, at })
      continue
    }
    if (source === target) {
      errors.push({ ...at, message: `relation ${describeRelation(r)} runs from a node to itself` })
      continue
    }
    const kind = RELATION_KIND[r.relationType]
    relations.add(kind, source, target)
    if (r.relationType === RelationType.CONTRADICTORY) relations.add(kind, target, source)
  }
  for (const u of undercuts) {
    const support = mainSupport.get(u.argument) ?? relations.firstSupportFrom(u.argument)
    if (!support) {
      errors.push({ ...u.at, message: `the undercut target "${u.argument}" supports nothing, so it has no inference to undercut` })
      continue
    }
    relations.add('undercuts', u.source, support)
  }
  for (const u of dataUndercuts) {
    const [from = '', to = ''] = u.support.split(' ')
    const support = relations.find('supports', from, to)
    if (support) relations.add('undercuts', u.source, support)
    else errors.push({ ...u.at, message: `YAML undercuts "${u.support}": there is no support from ${from} to ${to}` })
  }
  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) }

  const title = typeof res.frontMatter?.title === 'string' ? res.frontMatter.title : DEFAULT_IMPORT_TITLE
  const ordered = [...nodes].sort((a, b) => compareLocated(a.at, b.at)).map(({ at: _at, ...n }) => n)
  const map = ArgumentMapSchema.safeParse({ title, nodes: ordered, relations: relations.list, votes: [] })
  if (!map.success) {
    return { ok: false, errors: map.error.issues.map((i) => ({ message: `${i.path.join('.')}: ${i.message}`, line: 1, column: 1 })) }
  }
  return { ok: true, map: map.data, warnings: sortIssues(warnings) }
}

const RELATION_KIND: Record<RelationType, RelationKind> = {
  [RelationType.SUPPORT]: 'supports',
  [RelationType.ENTAILS]: 'supports',
  [RelationType.ATTACK]: 'attacks',
  [RelationType.CONTRARY]: 'attacks',
  [RelationType.CONTRADICTORY]: 'attacks',
  [RelationType.UNDERCUT]: 'undercuts',
}

/** Relations in first-seen order, one per (kind, source, target). */
class RelationList {
  readonly list: Relation[] = []
  private byId = new Set<string>()

  add(kind: RelationKind, source: string, target: string): string {
    const id = relationId(kind, source, target)
    if (!this.byId.has(id)) {
      this.byId.add(id)
      this.list.push({ id, kind, source, target })
    }
    return id
  }

  find(kind: RelationKind, source: string, target: string): string | undefined {
    const id = relationId(kind, source, target)
    return this.byId.has(id) ? id : undefined
  }

  firstSupportFrom(source: string): string | undefined {
    return this.list.find((r) => r.kind === 'supports' && r.source === source)?.id
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
function locationOf(el: Element): Located {
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

function firstOccurrence(r: IRelation): Located {
  const o = r.occurrences[0]
  return { line: o?.startLine ?? 1, column: o?.startColumn ?? 1 }
}

function compareLocated(a: Located, b: Located): number {
  return a.line - b.line || a.column - b.column
}

function describe(el: Element): string {
  return el.type === ArgdownTypes.ARGUMENT ? `<${el.title}>` : `[${el.title}]`
}

function describeRelation(r: IRelation): string {
  const end = (m: RelationMember | undefined) => (m?.type === ArgdownTypes.INFERENCE ? `<${m.argumentTitle}>` : m ? describe(m) : '?')
  return `${end(r.from)} ${r.relationType} ${end(r.to)}`
}
