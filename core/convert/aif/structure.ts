import type { Relation, RelationKind } from '../../graph'
import type { Issue } from '../json'
import { at, neighbours, nodeOf, type AifGraph, type IdAllocator } from './graph'
import { CruxSNodeExtSchema, SCHEMES, type AifNodeIn } from './types'

/**
 * Turns AIF scheme applications into Crux relations. Crux joins one node to
 * one node, so where AIF says more the mapping is the closest faithful one
 * and always reported:
 *
 * - RA with premises P1..Pn and conclusion C → one `supports` Pi → C each
 *   (linked premises become independent supports; warned when n > 1).
 * - CA from A aimed at an I-node T → `attacks` A → T.
 * - CA aimed at an RA → `undercuts` A → each support made from that RA.
 * - CA aimed at another CA (a conflict on a conflict) → `attacks` A → X for
 *   each attacker X of the targeted conflict, warned. Crux cannot attack an
 *   attack; defeating its attacker is what makes that conflict fail in
 *   grounded evaluation, so the outcome for the original target is the same.
 * - MA (rephrase) from R to O → `supports` R → O, warned.
 * - PA (preference), and schemes with no I-node at one end (including
 *   cycles of RA/CA nodes) → dropped, warned.
 */
export function readStructure(
  g: AifGraph,
  cruxIdOf: ReadonlyMap<string, string>,
  ids: IdAllocator,
): { relations: Relation[]; warnings: Issue[] } {
  const relations: Relation[] = []
  const warnings: Issue[] = []
  const warn = (nodeID: string, message: string) => warnings.push({ message, at: at(nodeID) })
  const supportsOfRA = new Map<string, string[]>()

  /** One relation per pair; the exported `crux` id is reused when it fits. */
  const emit = (nodeID: string, kind: RelationKind, pairs: Array<[string, string]>, targetIsRelation = false) => {
    const made: string[] = []
    const node = nodeOf(g, nodeID)!
    const ext = node.crux === undefined ? NO_EXT : CruxSNodeExtSchema.safeParse(node.crux)
    const own = ext.success && ext.data.kind === kind && pairs.length === 1 && ids.reserve(ext.data.id)
    const { scheme, schemeId } = schemeOf(node)
    for (let k = 0; k < pairs.length; k++) {
      const [from, to] = pairs[k]!
      const source = cruxIdOf.get(from)!
      const target = targetIsRelation ? to : cruxIdOf.get(to)!
      if (source === target) {
        warn(nodeID, `${kind} from "${source}" to itself dropped`)
        continue
      }
      const id = own && ext.success ? ext.data.id : ids.take(k === 0 ? nodeID : `${nodeID}-${k + 1}`)
      const relation: Relation = { id, kind, source, target }
      if (scheme !== undefined) relation.scheme = scheme
      if (schemeId !== undefined) relation.schemeId = schemeId
      if (ext.success && ext.data.contradictory) relation.contradictory = true
      relations.push(relation)
      made.push(id)
    }
    return made
  }

  for (const ra of g.nodes.filter((n) => n.type === 'RA')) {
    const premises = neighbours(g, ra.nodeID, 'into', 'I')
    const conclusions = neighbours(g, ra.nodeID, 'outOf', 'I')
    const aimedAtSchemes = neighbours(g, ra.nodeID, 'outOf', 'RA', 'CA', 'MA', 'PA')
    if (aimedAtSchemes.length > 0) {
      warn(ra.nodeID, `inference aimed at scheme node(s) ${quote(aimedAtSchemes)}; Crux supports only nodes, dropped`)
    }
    if (premises.length === 0 || conclusions.length === 0) {
      warn(
        ra.nodeID,
        `inference with ${premises.length} premise(s) and ${conclusions.length} I-node conclusion(s) dropped`,
      )
      continue
    }
    if (premises.length > 1) {
      warn(
        ra.nodeID,
        `linked argument with ${premises.length} premises imported as ${premises.length} separate supports`,
      )
    }
    if (conclusions.length > 1)
      warn(ra.nodeID, `inference with ${conclusions.length} conclusions imported once per conclusion`)
    const pairs = conclusions.flatMap((c) => premises.map((p): [string, string] => [p, c]))
    supportsOfRA.set(ra.nodeID, emit(ra.nodeID, 'supports', pairs))
  }

  for (const ma of g.nodes.filter((n) => n.type === 'MA')) {
    const from = neighbours(g, ma.nodeID, 'into', 'I')
    const to = neighbours(g, ma.nodeID, 'outOf', 'I')
    if (from.length === 0 || to.length === 0) {
      warn(ma.nodeID, 'rephrase (MA) without an I-node at both ends dropped')
      continue
    }
    warn(ma.nodeID, 'rephrase (MA) imported as a support from the rephrasing to the rephrased')
    emit(
      ma.nodeID,
      'supports',
      to.flatMap((t) => from.map((f): [string, string] => [f, t])),
    )
  }

  for (const ca of g.nodes.filter((n) => n.type === 'CA')) {
    const attackers = neighbours(g, ca.nodeID, 'into', 'I')
    const targets = neighbours(g, ca.nodeID, 'outOf')
    if (attackers.length === 0 || targets.length === 0) {
      warn(ca.nodeID, `conflict with ${attackers.length} attacking I-node(s) and ${targets.length} target(s) dropped`)
      continue
    }
    for (const t of targets) {
      const type = nodeOf(g, t)!.type
      if (type === 'I') {
        emit(
          ca.nodeID,
          'attacks',
          attackers.map((a): [string, string] => [a, t]),
        )
      } else if (type === 'RA') {
        const supports = supportsOfRA.get(t) ?? []
        if (supports.length === 0) warn(ca.nodeID, `undercut of inference "${t}", which was not imported, dropped`)
        const pairs = supports.flatMap((s) => attackers.map((a): [string, string] => [a, s]))
        emit(ca.nodeID, 'undercuts', pairs, true)
      } else if (type === 'CA') {
        const ends = neighbours(g, t, 'into', 'I')
        if (ends.length === 0) {
          warn(ca.nodeID, `conflict on conflict "${t}", which has no I-node attacker, dropped`)
          continue
        }
        warn(ca.nodeID, `conflict on conflict "${t}" imported as an attack on its attacker(s) ${quote(ends)}`)
        emit(
          ca.nodeID,
          'attacks',
          ends.flatMap((e) => attackers.map((a): [string, string] => [a, e])),
        )
      } else {
        warn(ca.nodeID, `conflict aimed at a ${type} node "${t}" has no Crux form; dropped`)
      }
    }
  }

  for (const pa of g.nodes.filter((n) => n.type === 'PA')) {
    warn(pa.nodeID, 'preference (PA) has no Crux equivalent; dropped')
  }
  return { relations, warnings }
}

const NO_EXT = { success: false } as const

/**
 * [AF1] The scheme an RA or CA node applies ("Argument From Expert Opinion"),
 * kept on the relations made from it; the default schemes and AIFdb's bare
 * type names ("RA") say nothing and are not stored.
 */
function schemeOf(node: AifNodeIn): Pick<Relation, 'scheme' | 'schemeId'> {
  if (node.type !== 'RA' && node.type !== 'CA') return {}
  // The common case, said fast: a default scheme by name with no id or the default id.
  if (
    node.text === (node.type === 'RA' ? 'Default Inference' : 'Default Conflict') &&
    node.scheme == null &&
    node.schemeID == null
  )
    return {}
  // OVA's earlier save format writes AIFdb's scheme id ("72") where the name belongs; the name is then the text.
  const idInName = node.scheme != null && /^\d+$/.test(node.scheme.trim())
  const name = ((idInName ? '' : node.scheme?.trim()) || node.text.trim()).slice(0, 200)
  const schemeID = node.schemeID ?? (idInName ? node.scheme!.trim() : null)
  const id = schemeID == null ? undefined : String(schemeID).slice(0, 64)
  const fallback = node.type === 'RA' ? SCHEMES.inference : SCHEMES.conflict
  if (name === '' || name === node.type || (name === fallback.text && (id === undefined || id === fallback.schemeID)))
    return {}
  return id === undefined ? { scheme: name } : { scheme: name, schemeId: id }
}

const quote = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ')
