import type { ArgNode, ArgumentMap, Relation, Vote } from '../graph'
import { voteId } from './diff'

/**
 * Planning a restore: which records to write so that the chosen nodes (or
 * the whole map) read as they did at a checkpoint. Pure: the server applies
 * the plan to the live room in one transaction (core/ydoc/restore.ts), and
 * property tests check the promises below on plain maps.
 *
 * - Restored nodes read as at the checkpoint, with the relations among them
 *   and to nodes that exist, and their votes.
 * - Nothing created after the checkpoint (nodes, relations, votes) is
 *   removed unless `removeNewer` asks for it; nothing outside the scope changes.
 */
export interface RestoreOptions {
  /** Only these nodes (and what hangs on them); omitted: the whole map. */
  nodes?: readonly string[]
  /** Also remove, within the scope, what was made after the checkpoint. */
  removeNewer?: boolean
}

export interface RestorePlan {
  putNodes: ArgNode[]
  removeNodes: string[]
  putRelations: Relation[]
  removeRelations: string[]
  putVotes: Vote[]
  removeVotes: Array<Pick<Vote, 'nodeId' | 'userId'>>
}

const same = (a: object, b: object) => {
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return (
    ka.length === kb.length && ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
  )
}

export function planRestore(checkpoint: ArgumentMap, current: ArgumentMap, options: RestoreOptions = {}): RestorePlan {
  const whole = options.nodes === undefined
  const then = new Map(checkpoint.nodes.map((n) => [n.id, n]))
  const now = new Map(current.nodes.map((n) => [n.id, n]))
  const scope = new Set<string>(whole ? [...then.keys(), ...(options.removeNewer ? now.keys() : [])] : options.nodes)
  const plan: RestorePlan = {
    putNodes: [],
    removeNodes: [],
    putRelations: [],
    removeRelations: [],
    putVotes: [],
    removeVotes: [],
  }

  for (const id of scope) {
    const old = then.get(id)
    const cur = now.get(id)
    if (old && (!cur || !same(old, cur))) plan.putNodes.push(old)
    else if (!old && cur && options.removeNewer) plan.removeNodes.push(id)
  }
  const removed = new Set(plan.removeNodes)
  const nodesAfter = new Set([...now.keys(), ...plan.putNodes.map((n) => n.id)].filter((id) => !removed.has(id)))

  // Relations: those of the checkpoint that touch the scope come back where both ends exist.
  const relNow = new Map(current.relations.map((r) => [r.id, r]))
  const relThen = new Map(checkpoint.relations.map((r) => [r.id, r]))
  const relationsOut = new Set<string>()
  // Deleting a node takes its relations and the undercuts aimed at those (as removeNodes does).
  for (const r of current.relations) if (removed.has(r.source) || removed.has(r.target)) relationsOut.add(r.id)
  for (const r of current.relations) if (relationsOut.has(r.target)) relationsOut.add(r.id)
  const touches = (r: Relation) =>
    whole || scope.has(r.source) || scope.has(r.target) || scope.has(relThen.get(r.target)?.source ?? '')
  if (options.removeNewer) {
    for (const r of current.relations) if (!relThen.has(r.id) && touches(r)) relationsOut.add(r.id)
    for (const r of current.relations) if (relationsOut.has(r.target)) relationsOut.add(r.id)
  }
  const relationsAfter = new Set([...relNow.keys()].filter((id) => !relationsOut.has(id)))
  // Node-to-node relations first, so undercuts find the support they aim at.
  const ordered = [...checkpoint.relations].sort(
    (a, b) => Number(a.kind === 'undercuts') - Number(b.kind === 'undercuts'),
  )
  for (const r of ordered) {
    if (!touches(r) || !nodesAfter.has(r.source)) continue
    const targetThere = r.kind === 'undercuts' ? relationsAfter.has(r.target) : nodesAfter.has(r.target)
    if (!targetThere) continue
    const cur = relNow.get(r.id)
    if (!cur || !same(r, cur) || relationsOut.has(r.id)) {
      plan.putRelations.push(r)
      relationsOut.delete(r.id)
    }
    relationsAfter.add(r.id)
  }
  plan.removeRelations = [...relationsOut].filter((id) => relNow.has(id))

  // Votes on scoped nodes: the checkpoint's come back; later ones go only when asked.
  const votesThen = new Map(checkpoint.votes.map((v) => [voteId(v), v]))
  const votesNow = new Map(current.votes.map((v) => [voteId(v), v]))
  for (const [key, v] of votesThen) {
    if (!scope.has(v.nodeId) || !nodesAfter.has(v.nodeId)) continue
    const cur = votesNow.get(key)
    if (!cur || !same(v, cur)) plan.putVotes.push(v)
  }
  for (const [key, v] of votesNow) {
    if (removed.has(v.nodeId)) continue // they go with their node
    if (options.removeNewer && scope.has(v.nodeId) && !votesThen.has(key))
      plan.removeVotes.push({ nodeId: v.nodeId, userId: v.userId })
  }
  return plan
}

/** Every node id the plan writes or removes: what an undo of the restore puts back. */
export const touchedNodes = (plan: RestorePlan) => [
  ...new Set([...plan.putNodes.map((n) => n.id), ...plan.removeNodes]),
]

export const isEmptyPlan = (p: RestorePlan) =>
  p.putNodes.length +
    p.removeNodes.length +
    p.putRelations.length +
    p.removeRelations.length +
    p.putVotes.length +
    p.removeVotes.length ===
  0

/** The plan applied to a plain map: what reading the doc gives after the server applied it. */
export function applyPlanToMap(current: ArgumentMap, plan: RestorePlan): ArgumentMap {
  const removed = new Set(plan.removeNodes)
  const nodes = new Map(current.nodes.filter((n) => !removed.has(n.id)).map((n) => [n.id, n]))
  for (const n of plan.putNodes) nodes.set(n.id, n)
  const relOut = new Set(plan.removeRelations)
  for (const r of current.relations) if (removed.has(r.source) || removed.has(r.target)) relOut.add(r.id)
  for (const r of current.relations) if (relOut.has(r.target)) relOut.add(r.id)
  const relations = new Map(current.relations.filter((r) => !relOut.has(r.id)).map((r) => [r.id, r]))
  for (const r of plan.putRelations) relations.set(r.id, r)
  const voteOut = new Set(plan.removeVotes.map(voteId))
  const votes = new Map(
    current.votes.filter((v) => !voteOut.has(voteId(v)) && !removed.has(v.nodeId)).map((v) => [voteId(v), v]),
  )
  for (const v of plan.putVotes) votes.set(voteId(v), v)
  return {
    title: current.title,
    nodes: [...nodes.values()],
    relations: [...relations.values()],
    votes: [...votes.values()],
  }
}
