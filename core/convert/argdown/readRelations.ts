import {
  ArgdownTypes,
  RelationType,
  StatementRole,
  type IArgdownResponse,
  type IArgument,
  type IConclusion,
  type IEquivalenceClass,
  type IRelation,
  type RelationMember,
} from '@argdown/core'
import { MAX_NAME, MAX_PCS_STEPS, type ArgNode, type PcsStep, type Relation, type RelationKind } from '../../graph'
import { relationId } from './ids'
import { compareLocated, describe, type Element, type Located, type ReadElements } from './readElements'
import type { ArgdownIssue } from './runArgdown'

/**
 * Relations, premise–conclusion structures and undercuts ([AD5]). [AD9]
 * Whatever Argdown says that Crux cannot draw is imported as the closest
 * relation Crux has, or left out, and each such item is reported; the file is
 * never rejected for it.
 */
export function readRelations(res: IArgdownResponse, read: ReadElements, warnings: ArgdownIssue[]): Relation[] {
  const relations = new RelationList()
  const nodeById = new Map(read.nodes.map((n) => [n.id, n]))
  const idOf = (el: Element | undefined) => (el ? read.nodeIdOf.get(el) : undefined)
  const statementId = (title: string | undefined) =>
    idOf(res.statements?.[title ?? ''] as IEquivalenceClass | undefined)
  const nodeOf = (m: RelationMember | undefined): string | undefined => {
    if (!m) return undefined
    if (m.type === ArgdownTypes.INFERENCE) return idOf(res.arguments?.[m.argumentTitle ?? ''] as IArgument | undefined)
    return idOf(m)
  }

  // Premise–conclusion structures first: they are the arguments' own inferences.
  const mainSupport = new Map<string, string>()
  for (const a of Object.values(res.arguments ?? {})) {
    const argId = idOf(a)!
    const at = read.nodes.find((n) => n.id === argId)!.at
    const steps: PcsStep[] = []
    let premises = 0
    for (const [i, st] of a.pcs.entries()) {
      const stId = statementId(st.title)
      if (!stId || stId === argId) continue
      const step: PcsStep = { node: stId }
      const inference = (st as IConclusion).inference
      if (inference) {
        step.inference = {
          rules: (inference.inferenceRules ?? [])
            .map((r) => r.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME))
            .filter((r) => r !== '')
            .slice(0, 20),
        }
        if (inference.data && Object.keys(inference.data).length > 0) {
          warnings.push({
            ...at,
            message: `<${a.title}>: the data of the inference to (${i + 1}) has no Crux form; left out`,
          })
        }
      }
      if (steps.length < MAX_PCS_STEPS) steps.push(step)
      if (st.role === StatementRole.MAIN_CONCLUSION) mainSupport.set(argId, relations.add('supports', argId, stId))
      else {
        relations.add('supports', stId, argId)
        if (st.role === StatementRole.PREMISE) premises++
        else
          warnings.push({
            ...at,
            message: `<${a.title}>: (${i + 1}) [${st.title}] is an intermediate conclusion; the map draws it as a premise, the reconstruction keeps its place`,
            note: 'drawing',
          })
      }
    }
    if (steps.length > 0) (nodeById.get(argId) as ArgNode).pcs = steps
    if (premises > 1) {
      warnings.push({
        ...at,
        message: `<${a.title}>: its ${premises} premises are linked; the map draws ${premises} separate supports, the reconstruction keeps them together`,
        note: 'drawing',
      })
    }
  }

  const explicit = [...(res.relations ?? [])].sort((a, b) => compareLocated(firstOccurrence(a), firstOccurrence(b)))
  const undercuts: {
    source: string
    target: string
    toStatement: boolean
    at: Located
    text: string
    targetText: string
  }[] = []
  for (const r of explicit) {
    const at = firstOccurrence(r)
    const source = nodeOf(r.from)
    const target = nodeOf(r.to)
    const text = describeRelation(r)
    if (!source || !target) {
      warnings.push({ ...at, message: `relation ${text} has a missing end; left out` })
      continue
    }
    if (r.relationType === RelationType.UNDERCUT) {
      // An undercut's target is a support relation, so `<A> _> <A>` is no self-loop.
      undercuts.push({
        source,
        target,
        toStatement: r.to?.type === ArgdownTypes.EQUIVALENCE_CLASS,
        at,
        text,
        targetText: describeEnd(r.to),
      })
      continue
    }
    if (source === target) {
      warnings.push({ ...at, message: `relation ${text} runs from a node to itself; left out` })
      continue
    }
    const kind = RELATION_KIND[r.relationType]
    if (r.relationType === RelationType.CONTRADICTORY) {
      relations.add(kind, source, target, { contradictory: true })
      relations.add(kind, target, source, { contradictory: true })
    } else relations.add(kind, source, target)
  }
  for (const u of undercuts) {
    const support = u.toStatement ? undefined : (mainSupport.get(u.target) ?? relations.firstSupportFrom(u.target))
    if (support) {
      relations.add('undercuts', u.source, support)
      continue
    }
    const why = u.toStatement
      ? 'a statement has no inference to undercut'
      : `${u.targetText} supports nothing, so Crux has no support of it to undercut`
    if (u.source === u.target) warnings.push({ ...u.at, message: `undercut ${u.text}: ${why}; left out` })
    else {
      relations.add('attacks', u.source, u.target)
      warnings.push({ ...u.at, message: `undercut ${u.text}: ${why}; imported as an attack on it` })
    }
  }
  for (const u of read.dataUndercuts) {
    const [from = '', to = ''] = u.support.split(' ')
    const support = relations.find('supports', from, to)
    if (support) relations.add('undercuts', u.source, support)
    else
      warnings.push({
        ...u.at,
        message: `YAML undercuts "${u.support}": there is no support from ${from} to ${to}; left out`,
      })
  }
  reportSections(res, warnings)
  return relations.list
}

/**
 * [AD9] Headings and groups have no Crux form; each that holds nodes is
 * named, so nothing disappears unannounced (an empty heading holds nothing
 * to lose).
 */
function reportSections(res: IArgdownResponse, warnings: ArgdownIssue[]): void {
  const holding = new Set<string>()
  for (const el of [...Object.values(res.statements ?? {}), ...Object.values(res.arguments ?? {})]) {
    for (const m of el.members as { section?: { id?: string } }[]) if (m.section?.id) holding.add(m.section.id)
  }
  const visit = (sections: NonNullable<IArgdownResponse['sections']>) => {
    for (const s of sections) {
      const what = s.isGroup || (s.data as { isGroup?: unknown } | undefined)?.isGroup === true ? 'group' : 'heading'
      if (holding.has(s.id)) {
        warnings.push({
          line: s.startLine ?? 1,
          column: s.startColumn ?? 1,
          message: `${what} "${s.title}" has no Crux form; its nodes are imported without it`,
          note: 'layout',
        })
      }
      visit(s.children ?? [])
    }
  }
  visit(res.sections ?? [])
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
  private byId = new Map<string, Relation>()

  add(kind: RelationKind, source: string, target: string, extra: Partial<Relation> = {}): string {
    const id = relationId(kind, source, target)
    const had = this.byId.get(id)
    if (had) Object.assign(had, extra)
    else {
      const r: Relation = { id, kind, source, target, ...extra }
      this.byId.set(id, r)
      this.list.push(r)
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

function firstOccurrence(r: IRelation): Located {
  const o = r.occurrences[0]
  return { line: o?.startLine ?? 1, column: o?.startColumn ?? 1 }
}

const describeEnd = (m: RelationMember | undefined) =>
  m?.type === ArgdownTypes.INFERENCE ? `<${m.argumentTitle}>` : m ? describe(m) : '?'

function describeRelation(r: IRelation): string {
  return `${describeEnd(r.from)} ${r.relationType} ${describeEnd(r.to)}`
}
