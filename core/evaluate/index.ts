import { admittedOnly } from './reviewed'
import type { ArgumentMap } from '@/core/graph'
import { buildFramework } from './framework'
import { groundedLabelling } from './grounded'
import { dfQuad, type DfQuadOptions } from './dfquad'
import { baseScores, EVERYONE, type Perspective } from './votes'
import { undecidedCycles } from './explain'
import { inferenceViews, nodeViews, type InferenceEvaluation, type NodeEvaluation } from './results'

export type { Label } from './grounded'
export type { NodeEvaluation, InferenceEvaluation } from './results'
export type { Perspective } from './votes'
export type { Framework } from './framework'
export type { DfQuad, DfQuadOptions } from './dfquad'
export { buildFramework, inferenceArg } from './framework'
export { groundedLabelling, IN, OUT, UNDEC, LABELS } from './grounded'
export { dfQuad, aggregate, combine, DEFAULT_TOLERANCE, DEFAULT_MAX_SWEEPS } from './dfquad'
export { baseScores, countsIn, EVERYONE, NEUTRAL_BASE, MAX_VOTE } from './votes'
export { undecidedCycles } from './explain'

export interface Evaluation {
  /** Read-only, filled lazily: see results.ts. */
  nodes: ReadonlyMap<string, NodeEvaluation>
  /** Keyed by supports relation id. */
  inferences: ReadonlyMap<string, InferenceEvaluation>
  /** False when some support/attack cycle did not settle within the sweep bound. */
  converged: boolean
  /** Most Jacobi sweeps any cyclic component needed (0 for an acyclic map). */
  sweeps: number
  cyclicComponents: number
}

export interface EvaluateOptions extends DfQuadOptions {
  perspective?: Perspective
  /** The map came from readGraph (or repair()): skip re-checking what repair guarantees [FW1]. */
  repaired?: boolean
}

/** Grounded labels, DF-QuAD strengths and explanations for every node of a map. */
export function evaluate(input: ArgumentMap, opts: EvaluateOptions = {}): Evaluation {
  // [FW3] Nodes waiting for a teacher's review (or rejected) are not part of the debate yet.
  const map = admittedOnly(input)
  const fw = buildFramework(map, { repaired: opts.repaired })
  const base = baseScores(fw.indexOf, fw.nodeCount, map.votes ?? [], opts.perspective ?? EVERYONE)
  const g = groundedLabelling(fw)
  const d = dfQuad(fw, base, opts)

  const computed = { fw, base, grounded: g, dfquad: d, cycles: undecidedCycles(fw, g) }
  const nodes = nodeViews(computed)
  const inferences = inferenceViews(computed)
  return {
    nodes,
    inferences,
    converged: d.converged,
    sweeps: d.sweeps,
    cyclicComponents: d.cyclicComponents,
  }
}
export { VERDICT_WORDS } from './words'
