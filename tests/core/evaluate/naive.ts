import { repair, type ArgumentMap } from '@/core/graph'

/**
 * Textbook reference implementations, deliberately independent of
 * core/evaluate: string-keyed maps, no indexing, no propagation tricks.
 * The property tests compare against them and the benchmark uses them as the
 * baseline.
 */

export type NaiveLabel = 'IN' | 'OUT' | 'UNDEC'

/** The argument id of the inference of a supports relation. */
export const inferenceKey = (supportId: string) => `inference:${supportId}`

/** Arguments and their attackers: nodes, plus one inference per supports relation. */
export function naiveFramework(input: ArgumentMap): { args: string[]; attackers: Map<string, string[]> } {
  const map = repair(input)
  const args = map.nodes.map((n) => n.id)
  for (const r of map.relations) if (r.kind === 'supports') args.push(inferenceKey(r.id))
  const attackers = new Map<string, string[]>(args.map((a) => [a, []]))
  for (const r of map.relations) {
    if (r.kind === 'attacks') attackers.get(r.target)!.push(r.source)
    if (r.kind === 'undercuts') attackers.get(inferenceKey(r.target))!.push(r.source)
  }
  return { args, attackers }
}

/**
 * Grounded extension as the least fixpoint of Dung's characteristic function
 * F(S) = { a | every attacker of a is attacked by S }, iterated from ∅.
 */
export function naiveGroundedExtension(args: string[], attackers: Map<string, string[]>): Set<string> {
  let s = new Set<string>()
  for (;;) {
    const defeated = new Set<string>()
    for (const a of args) if (attackers.get(a)!.some((b) => s.has(b))) defeated.add(a)
    const next = new Set(args.filter((a) => attackers.get(a)!.every((b) => defeated.has(b))))
    if (next.size === s.size) return s // F is monotone and S ⊆ F(S), so equal size means equal sets
    s = next
  }
}

/** Labels from the least fixpoint: IN in it, OUT attacked by it, UNDEC otherwise. */
export function naiveGrounded(map: ArgumentMap): Map<string, NaiveLabel> {
  const { args, attackers } = naiveFramework(map)
  const ext = naiveGroundedExtension(args, attackers)
  const labels = new Map<string, NaiveLabel>()
  for (const a of args) {
    labels.set(a, ext.has(a) ? 'IN' : attackers.get(a)!.some((b) => ext.has(b)) ? 'OUT' : 'UNDEC')
  }
  return labels
}

/**
 * DF-QuAD by global Jacobi iteration over the whole map, straight from the
 * formulas (no components, no ordering). On an acyclic map it reaches the
 * exact values after as many sweeps as the longest path.
 */
export function naiveDfQuad(
  input: ArgumentMap,
  base: (nodeId: string) => number,
  maxSweeps = 10_000,
): Map<string, number> {
  const map = repair(input)
  const F = (vs: number[]) => 1 - vs.reduce((keep, v) => keep * (1 - v), 1)
  const c = (v0: number, va: number, vs: number) => (va >= vs ? v0 - v0 * (va - vs) : v0 + (1 - v0) * (vs - va))
  let s = new Map(map.nodes.map((n) => [n.id, base(n.id)]))
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const next = new Map<string, number>()
    let moved = 0
    for (const n of map.nodes) {
      const att = map.relations.filter((r) => r.kind === 'attacks' && r.target === n.id)
      const sup = map.relations.filter((r) => r.kind === 'supports' && r.target === n.id)
      const carried = sup.map((r) => {
        const under = map.relations.filter((u) => u.kind === 'undercuts' && u.target === r.id)
        return s.get(r.source)! * (1 - F(under.map((u) => s.get(u.source)!)))
      })
      const v = c(base(n.id), F(att.map((r) => s.get(r.source)!)), F(carried))
      moved = Math.max(moved, Math.abs(v - s.get(n.id)!))
      next.set(n.id, v)
    }
    s = next
    if (moved === 0) break
  }
  return s
}
