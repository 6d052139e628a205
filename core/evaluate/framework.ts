import type { ArgumentMap } from '@/core/graph'

/**
 * The map as an indexed argumentation framework, built once per evaluation
 * and shared by the grounded and DF-QuAD passes. Flat typed arrays in CSR
 * form keep both passes linear and allocation-free on 100,000-node maps.
 *
 * Arguments 0..nodeCount-1 are the map's nodes. Argument nodeCount + k is the
 * inference of the k-th kept `supports` relation [FW2]: the claim "this
 * supporter really bears on that target", which an undercut attacks.
 */
export interface Framework {
  nodeCount: number
  /** nodeCount + number of supports relations. */
  argCount: number
  nodeIds: string[]
  nodeTexts: string[]
  indexOf: Map<string, number>
  /** Kept supports relations: id, source node, target node. */
  supportIds: string[]
  supportSource: Int32Array
  supportTarget: Int32Array
  /** attackers of argument a: attackIn[attackInStart[a] .. attackInStart[a+1]) */
  attackInStart: Int32Array
  attackIn: Int32Array
  /** arguments attacked by a: attackOut[attackOutStart[a] .. attackOutStart[a+1]) */
  attackOutStart: Int32Array
  attackOut: Int32Array
  /** supports relations (indices k) into node a: supportIn[supportInStart[a] ..) */
  supportInStart: Int32Array
  supportIn: Int32Array
}

/** The argument index of the inference of supports relation k. */
export const inferenceArg = (fw: Framework, k: number) => fw.nodeCount + k

/**
 * Indexes a map. Mirrors `repair` from core/graph [FW1]: later duplicate node
 * ids, relations whose id is a node id, self-loops, relations with a missing
 * end and undercuts that aim at no kept support are ignored, so a map read
 * from a merged doc and the same map unrepaired evaluate alike.
 */
export function buildFramework(map: ArgumentMap, options: { repaired?: boolean } = {}): Framework {
  // A map read from a doc went through repair() already: no relation shares a
  // node's id, so that lookup (a third of the indexing time) can be skipped.
  const checkIds = !options.repaired
  const nodeIds: string[] = []
  const nodeTexts: string[] = []
  const indexOf = new Map<string, number>()
  for (const n of map.nodes) {
    // One Map operation per node: a duplicate id (never in a map read from a
    // doc, whose nodes are keyed by id) shows as a size that did not grow, and
    // then the first occurrence's index is restored.
    const size = indexOf.size
    indexOf.set(n.id, size)
    if (indexOf.size === size) {
      indexOf.set(n.id, nodeIds.indexOf(n.id))
      continue
    }
    nodeIds.push(n.id)
    nodeTexts.push(n.text)
  }
  const nodeCount = nodeIds.length

  // Only supports that some undercut aims at need an id lookup; keeping that
  // set small keeps the hot loop below cache-friendly on 100,000-node maps.
  const undercutTargets = new Set<string>()
  for (const r of map.relations) if (r.kind === 'undercuts') undercutTargets.add(r.target)
  const supportIndex = new Map<string, number>()

  // First pass: plain relations between nodes. Typed arrays sized for the
  // worst case avoid growing arrays relation by relation.
  const m = map.relations.length
  const supportIds: string[] = []
  const supSrc = new Int32Array(m)
  const supTgt = new Int32Array(m)
  const attSrc = new Int32Array(m)
  const attTgt = new Int32Array(m)
  let supports = 0
  let attacks = 0
  for (const r of map.relations) {
    if (r.kind === 'undercuts') continue
    const s = indexOf.get(r.source)
    const t = indexOf.get(r.target)
    if (s === undefined || t === undefined || s === t || (checkIds && indexOf.has(r.id))) continue
    if (r.kind === 'attacks') {
      attSrc[attacks] = s
      attTgt[attacks++] = t
    } else {
      if (undercutTargets.has(r.id) && !supportIndex.has(r.id)) supportIndex.set(r.id, supports)
      supportIds.push(r.id)
      supSrc[supports] = s
      supTgt[supports++] = t
    }
  }
  // Second pass: undercuts attack the inference argument of their support.
  for (const r of map.relations) {
    if (r.kind !== 'undercuts') continue
    const s = indexOf.get(r.source)
    const k = supportIndex.get(r.target)
    if (s === undefined || k === undefined || (checkIds && indexOf.has(r.id))) continue
    attSrc[attacks] = s
    attTgt[attacks++] = nodeCount + k
  }

  const argCount = nodeCount + supportIds.length
  const attackIn = csr(argCount, attTgt, attSrc, attacks)
  const attackOut = csr(argCount, attSrc, attTgt, attacks)
  const supportIn = csr(nodeCount, supTgt, null, supports)
  return {
    nodeCount,
    argCount,
    nodeIds,
    nodeTexts,
    indexOf,
    supportIds,
    supportSource: supSrc.slice(0, supports),
    supportTarget: supTgt.slice(0, supports),
    attackInStart: attackIn.start,
    attackIn: attackIn.items,
    attackOutStart: attackOut.start,
    attackOut: attackOut.items,
    supportInStart: supportIn.start,
    supportIn: supportIn.items,
  }
}

/**
 * Groups the first `count` values by key with a counting sort: O(size +
 * count), order stable. Without values, groups the positions 0..count-1.
 */
function csr(size: number, keys: Int32Array, values: Int32Array | null, count: number) {
  const start = new Int32Array(size + 1)
  for (let e = 0; e < count; e++) start[keys[e]! + 1]!++
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!
  const fill = start.slice(0, size)
  const items = new Int32Array(count)
  for (let e = 0; e < count; e++) items[fill[keys[e]!]!++] = values ? values[e]! : e
  return { start, items }
}
