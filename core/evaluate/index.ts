import type { ArgumentMap } from '@/core/graph'
import { buildFramework } from './framework'
import { groundedLabelling, LABELS, type Label } from './grounded'
import { dfQuad, type DfQuadOptions } from './dfquad'
import { baseScores, EVERYONE, type Perspective } from './votes'
import { labelReason, strengthReason, undecidedCycles } from './explain'

export type { Label } from './grounded'
export type { Perspective } from './votes'
export type { Framework } from './framework'
export type { DfQuad, DfQuadOptions } from './dfquad'
export { buildFramework, inferenceArg } from './framework'
export { groundedLabelling, IN, OUT, UNDEC, LABELS } from './grounded'
export { dfQuad, aggregate, combine, DEFAULT_TOLERANCE, DEFAULT_MAX_SWEEPS } from './dfquad'
export { baseScores, countsIn, EVERYONE, NEUTRAL_BASE, MAX_VOTE } from './votes'
export { undecidedCycles } from './explain'

export interface NodeEvaluation {
  /** Grounded (sceptical) acceptability. */
  label: Label
  /** DF-QuAD strength in [0, 1]. */
  strength: number
  /** Base score from the perspective's votes. */
  base: number
  /** Aggregated attack and support that moved `base` to `strength`. */
  attack: number
  support: number
  /** A short sentence for the explain panel. */
  why: string
}

/** The inference of one `supports` relation, which undercuts attack. */
export interface InferenceEvaluation {
  label: Label
  /** Share of the supporter's strength that reaches the target, in [0, 1]. */
  strength: number
  why: string
}

export interface Evaluation {
  nodes: Map<string, NodeEvaluation>
  /** Keyed by supports relation id. */
  inferences: Map<string, InferenceEvaluation>
  /** False when some support/attack cycle did not settle within the sweep bound. */
  converged: boolean
  /** Most Jacobi sweeps any cyclic component needed (0 for an acyclic map). */
  sweeps: number
  cyclicComponents: number
}

export interface EvaluateOptions extends DfQuadOptions {
  perspective?: Perspective
}

/** Grounded labels, DF-QuAD strengths and explanations for every node of a map. */
export function evaluate(map: ArgumentMap, opts: EvaluateOptions = {}): Evaluation {
  const fw = buildFramework(map)
  const base = baseScores(fw.indexOf, fw.nodeCount, map.votes ?? [], opts.perspective ?? EVERYONE)
  const g = groundedLabelling(fw)
  const d = dfQuad(fw, base, opts)
  const u = undecidedCycles(fw, g)

  const nodes = new Map<string, NodeEvaluation>()
  for (let i = 0; i < fw.nodeCount; i++) {
    const why = () => `${labelReason(fw, g, u, i)} ${strengthReason(d, base, i)}`
    nodes.set(fw.nodeIds[i]!, new Evaluated(LABELS[g.label[i]!]!, d.strength[i]!, base[i]!, d.attack[i]!, d.support[i]!, why))
  }
  const inferences = new Map<string, InferenceEvaluation>()
  for (let k = 0; k < fw.supportIds.length; k++) {
    const arg = fw.nodeCount + k
    const why = () => labelReason(fw, g, u, arg)
    inferences.set(fw.supportIds[k]!, new EvaluatedInference(LABELS[g.label[arg]!]!, d.inference[k]!, why))
  }
  return {
    nodes,
    inferences,
    converged: d.converged,
    sweeps: d.sweeps,
    cyclicComponents: d.cyclicComponents,
  }
}

/**
 * `why` is written on first read: the explain panel shows one node at a time,
 * and building 100,000 sentences per keystroke would cost more than the
 * evaluation itself. toJSON includes it, so logs and workers see plain data.
 */
class Evaluated implements NodeEvaluation {
  #why: (() => string) | string
  constructor(
    readonly label: Label,
    readonly strength: number,
    readonly base: number,
    readonly attack: number,
    readonly support: number,
    why: () => string,
  ) {
    this.#why = why
  }
  get why(): string {
    if (typeof this.#why === 'function') this.#why = this.#why()
    return this.#why
  }
  toJSON(): NodeEvaluation {
    const { label, strength, base, attack, support, why } = this
    return { label, strength, base, attack, support, why }
  }
}

class EvaluatedInference implements InferenceEvaluation {
  #why: (() => string) | string
  constructor(
    readonly label: Label,
    readonly strength: number,
    why: () => string,
  ) {
    this.#why = why
  }
  get why(): string {
    if (typeof this.#why === 'function') this.#why = this.#why()
    return this.#why
  }
  toJSON(): InferenceEvaluation {
    return { label: this.label, strength: this.strength, why: this.why }
  }
}
