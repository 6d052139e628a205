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
export function buildFramework(map: ArgumentMap): Framework {
  const nodeIds: string[] = []
  const nodeTexts: string[] = []
  const indexOf = new Map<string, number>()
  for (const n of map.nodes) {
    if (indexOf.has(n.id)) continue
    indexOf.set(n.id, nodeIds.length)
    nodeIds.push(n.id)
    nodeTexts.push(n.text)
  }
  const nodeCount = nodeIds.length

  // First pass: plain relations between nodes.
  const supportIds: string[] = []
  const supSrc: number[] = []
  const supTgt: number[] = []
  const supportIndex = new Map<string, number>()
  const attSrc: number[] = []
  const attTgt: number[] = []
  for (const r of map.relations) {
    if (r.kind === 'undercuts' || indexOf.has(r.id)) continue
    const s = indexOf.get(r.source)
    const t = indexOf.get(r.target)
    if (s === undefined || t === undefined || s === t) continue
    if (r.kind === 'attacks') {
      attSrc.push(s)
      attTgt.push(t)
    } else {
      if (!supportIndex.has(r.id)) supportIndex.set(r.id, supportIds.length)
      supportIds.push(r.id)
      supSrc.push(s)
      supTgt.push(t)
    }
  }
  // Second pass: undercuts attack the inference argument of their support.
  for (const r of map.relations) {
    if (r.kind !== 'undercuts' || indexOf.has(r.id)) continue
    const s = indexOf.get(r.source)
    const k = supportIndex.get(r.target)
    if (s === undefined || k === undefined) continue
    attSrc.push(s)
    attTgt.push(nodeCount + k)
  }

  const argCount = nodeCount + supportIds.length
  const attackIn = csr(argCount, attTgt, attSrc)
  const attackOut = csr(argCount, attSrc, attTgt)
  const supportIn = csr(
    nodeCount,
    supTgt,
    supTgt.map((_, k) => k),
  )
  return {
    nodeCount,
    argCount,
    nodeIds,
    nodeTexts,
    indexOf,
    supportIds,
    supportSource: Int32Array.from(supSrc),
    supportTarget: Int32Array.from(supTgt),
    attackInStart: attackIn.start,
    attackIn: attackIn.items,
    attackOutStart: attackOut.start,
    attackOut: attackOut.items,
    supportInStart: supportIn.start,
    supportIn: supportIn.items,
  }
}

/** Groups values by key with a counting sort: O(size + edges), order stable. */
function csr(size: number, keys: number[], values: number[]) {
  const start = new Int32Array(size + 1)
  for (const k of keys) start[k + 1]!++
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!
  const fill = start.slice(0, size)
  const items = new Int32Array(keys.length)
  for (let e = 0; e < keys.length; e++) items[fill[keys[e]!]!++] = values[e]!
  return { start, items }
}
