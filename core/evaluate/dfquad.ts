import type { Framework } from './framework'
import { stronglyConnected } from './scc'

/**
 * DF-QuAD gradual semantics (Rago, Toni, Aurisicchio, Baroni, KR 2016) over
 * the indexed framework, with undercuts folded into the support they target.
 */

/** [DQ2] Probabilistic sum: 1 - Π(1 - vᵢ); 0 for no values. */
export function aggregate(values: readonly number[]): number {
  let keep = 1
  for (const v of values) keep *= 1 - v
  return 1 - keep
}

/** [DQ3] Moves the base toward 0 or 1 by the gap between attack and support. */
export function combine(base: number, attack: number, support: number): number {
  return attack >= support ? base - base * (attack - support) : base + (1 - base) * (support - attack)
}

export interface DfQuadOptions {
  /** Stop iterating a cycle when no strength moves more than this. */
  tolerance?: number
  /** Sweeps allowed per cyclic component before giving up. */
  maxSweeps?: number
}

export interface DfQuad {
  /** Per node. */
  strength: Float64Array
  /** Aggregated attack and support per node, the inputs of `combine`. */
  attack: Float64Array
  support: Float64Array
  /** Per supports relation: how much of the supporter's strength gets through [DQ5]. */
  inference: Float64Array
  /** 0 where a cyclic component ran out of sweeps. */
  settled: Uint8Array
  converged: boolean
  /** Most sweeps any cyclic component needed. */
  sweeps: number
  cyclicComponents: number
}

export const DEFAULT_TOLERANCE = 1e-9
export const DEFAULT_MAX_SWEEPS = 1000
/** Plain Jacobi sweeps before switching to averaged ones [DQ7]. */
const PLAIN_SWEEPS = 100

export function dfQuad(fw: Framework, base: Float64Array, opts: DfQuadOptions = {}): DfQuad {
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE
  const maxSweeps = opts.maxSweeps ?? DEFAULT_MAX_SWEEPS
  const n = fw.nodeCount
  const strength = Float64Array.from(base)
  const attack = new Float64Array(n)
  const support = new Float64Array(n)
  const inference = new Float64Array(fw.supportIds.length).fill(1)
  const settled = new Uint8Array(n).fill(1)

  const out: Outputs = { attack, support, inference }
  const evaluateNode = (a: number, s: Float64Array) => nodeStrength(fw, base, s, a, out)

  const deps = dependencyGraph(fw)
  const comps = stronglyConnected(n, deps.start, deps.items)
  const localOf = new Int32Array(n).fill(-1)
  let converged = true
  let sweeps = 0
  let cyclicComponents = 0
  for (let c = 0; c < comps.count; c++) {
    const from = comps.start[c]!
    const to = comps.start[c + 1]!
    const first = comps.members[from]!
    if (to - from === 1 && !deps.selfLoop[first]) {
      // [DQ4] Acyclic part: every input is final, one evaluation is exact.
      strength[first] = evaluateNode(first, strength)
      continue
    }
    cyclicComponents++
    const members = comps.members.subarray(from, to)
    const { sweep, done } = solveCycle(fw, base, strength, members, localOf, tolerance, maxSweeps)
    // Record the inputs that produced the final strengths, for the explanation.
    for (const m of members) evaluateNode(m, strength)
    if (sweep > sweeps) sweeps = sweep
    if (!done) {
      converged = false
      for (const m of members) settled[m] = 0
    }
  }
  return { strength, attack, support, inference, settled, converged, sweeps, cyclicComponents }
}

/**
 * [DQ6][DQ7] Jacobi iteration over one cyclic component, in place on
 * `strength`. Inputs from outside the component are final before it is
 * solved (components come in dependency order), so their share of each
 * member's attack and support products is computed once, and a sweep walks
 * only the edges inside the component, over compact local arrays. On a
 * 100,000-node random map the giant component takes ~35 sweeps; this is
 * where DF-QuAD spends its time. `localOf` is scratch of length nodeCount,
 * all -1, and is left that way.
 */
function solveCycle(
  fw: Framework,
  base: Float64Array,
  strength: Float64Array,
  members: Int32Array,
  localOf: Int32Array,
  tolerance: number,
  maxSweeps: number,
): { sweep: number; done: boolean } {
  const { attackInStart, attackIn, supportInStart, supportIn, supportSource, nodeCount } = fw
  const m = members.length
  for (let j = 0; j < m; j++) localOf[members[j]!] = j

  // Per member: the constant factors, then CSR lists of what moves.
  const own = new Float64Array(m)
  const keepAConst = new Float64Array(m)
  const keepSConst = new Float64Array(m)
  const attStart = new Int32Array(m + 1)
  const att: number[] = []
  // A support whose supporter or some undercutter is inside: supporter (local
  // index, or -1 with its final strength), final undercutters' product, and
  // the local undercutters.
  const supStart = new Int32Array(m + 1)
  const supFrom: number[] = []
  const supFixed: number[] = []
  const supKeepU: number[] = []
  const undStart: number[] = [0]
  const und: number[] = []
  for (let j = 0; j < m; j++) {
    const a = members[j]!
    own[j] = base[a]!
    let keepA = 1
    for (let e = attackInStart[a]!; e < attackInStart[a + 1]!; e++) {
      const src = attackIn[e]!
      if (localOf[src]! >= 0) att.push(localOf[src]!)
      else keepA *= 1 - strength[src]!
    }
    keepAConst[j] = keepA
    attStart[j + 1] = att.length
    let keepS = 1
    for (let e = supportInStart[a]!; e < supportInStart[a + 1]!; e++) {
      const k = supportIn[e]!
      const inf = nodeCount + k
      let keepU = 1
      const undFrom = und.length
      for (let u = attackInStart[inf]!; u < attackInStart[inf + 1]!; u++) {
        const src = attackIn[u]!
        if (localOf[src]! >= 0) und.push(localOf[src]!)
        else keepU *= 1 - strength[src]!
      }
      const from = localOf[supportSource[k]!]!
      if (from < 0 && und.length === undFrom) {
        keepS *= 1 - strength[supportSource[k]!]! * keepU
        continue
      }
      supFrom.push(from)
      supFixed.push(from < 0 ? strength[supportSource[k]!]! : 0)
      supKeepU.push(keepU)
      undStart.push(und.length)
    }
    keepSConst[j] = keepS
    supStart[j + 1] = supFrom.length
  }
  const attLocal = Int32Array.from(att)
  const supLocal = Int32Array.from(supFrom)
  const supValue = Float64Array.from(supFixed)
  const supU = Float64Array.from(supKeepU)
  const undS = Int32Array.from(undStart)
  const undLocal = Int32Array.from(und)

  let cur = new Float64Array(m)
  for (let j = 0; j < m; j++) cur[j] = strength[members[j]!]!
  let next = new Float64Array(m)
  let sweep = 0
  let done = false
  while (sweep < maxSweeps && !done) {
    sweep++
    // [DQ6] Jacobi: everyone reads the previous sweep, so node order cannot matter.
    // [DQ7] Averaged sweeps after PLAIN_SWEEPS damp the two-cycles DF-QuAD can fall into.
    const averaged = sweep > PLAIN_SWEEPS
    let residual = 0
    for (let j = 0; j < m; j++) {
      let keepA = keepAConst[j]!
      for (let e = attStart[j]!, end = attStart[j + 1]!; e < end; e++) keepA *= 1 - cur[attLocal[e]!]!
      let keepS = keepSConst[j]!
      for (let e = supStart[j]!, end = supStart[j + 1]!; e < end; e++) {
        let keepU = supU[e]!
        for (let u = undS[e]!, uEnd = undS[e + 1]!; u < uEnd; u++) keepU *= 1 - cur[undLocal[u]!]!
        const from = supLocal[e]!
        keepS *= 1 - (from >= 0 ? cur[from]! : supValue[e]!) * keepU
      }
      const value = combine(own[j]!, 1 - keepA, 1 - keepS)
      const gap = Math.abs(value - cur[j]!)
      if (gap > residual) residual = gap
      next[j] = averaged ? (cur[j]! + value) / 2 : value
    }
    ;[cur, next] = [next, cur]
    done = residual <= tolerance
  }
  for (let j = 0; j < m; j++) {
    strength[members[j]!] = cur[j]!
    localOf[members[j]!] = -1
  }
  return { sweep, done }
}

interface Outputs {
  attack: Float64Array
  support: Float64Array
  inference: Float64Array
}

/**
 * New strength of node a from the strengths in `s`; records its aggregated
 * attack and support and the strength of its incoming inferences in `out`.
 * Module-level rather than a closure so V8 keeps one optimised copy.
 */
function nodeStrength(fw: Framework, base: Float64Array, s: Float64Array, a: number, out: Outputs): number {
  const { attackInStart, attackIn, supportInStart, supportIn, supportSource, nodeCount } = fw
  let keepA = 1
  for (let e = attackInStart[a]!, end = attackInStart[a + 1]!; e < end; e++) keepA *= 1 - s[attackIn[e]!]!
  let keepS = 1
  for (let e = supportInStart[a]!, end = supportInStart[a + 1]!; e < end; e++) {
    const k = supportIn[e]!
    const inf = nodeCount + k
    // [DQ5] The inference has base 1 and only undercutters as attackers.
    let keepU = 1
    for (let u = attackInStart[inf]!, uEnd = attackInStart[inf + 1]!; u < uEnd; u++) keepU *= 1 - s[attackIn[u]!]!
    out.inference[k] = keepU
    keepS *= 1 - s[supportSource[k]!]! * keepU
  }
  const va = 1 - keepA
  const vs = 1 - keepS
  out.attack[a] = va
  out.support[a] = vs
  return combine(base[a]!, va, vs)
}

/**
 * Node a depends on its attackers, its supporters and the undercutters of its
 * incoming supports. A node that undercuts a support into itself depends on
 * itself, which Tarjan reports as a one-node component: hence `selfLoop`.
 */
function dependencyGraph(fw: Framework) {
  const n = fw.nodeCount
  const { attackInStart, attackIn, supportInStart, supportIn, supportSource } = fw
  const start = new Int32Array(n + 1)
  for (let a = 0; a < n; a++) {
    let count = attackInStart[a + 1]! - attackInStart[a]!
    for (let e = supportInStart[a]!; e < supportInStart[a + 1]!; e++) {
      const inf = n + supportIn[e]!
      count += 1 + attackInStart[inf + 1]! - attackInStart[inf]!
    }
    start[a + 1] = start[a]! + count
  }
  const items = new Int32Array(start[n]!)
  const selfLoop = new Uint8Array(n)
  let at = 0
  const push = (a: number, d: number) => {
    items[at++] = d
    if (d === a) selfLoop[a] = 1
  }
  for (let a = 0; a < n; a++) {
    for (let e = attackInStart[a]!; e < attackInStart[a + 1]!; e++) push(a, attackIn[e]!)
    for (let e = supportInStart[a]!; e < supportInStart[a + 1]!; e++) {
      const k = supportIn[e]!
      push(a, supportSource[k]!)
      const inf = n + k
      for (let u = attackInStart[inf]!; u < attackInStart[inf + 1]!; u++) push(a, attackIn[u]!)
    }
  }
  return { start, items, selfLoop }
}
