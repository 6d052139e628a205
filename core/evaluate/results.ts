import type { Framework } from './framework'
import { LABELS, type Grounded, type Label } from './grounded'
import type { DfQuad } from './dfquad'
import { labelReason, strengthReason, type UndecidedCycles } from './explain'

export interface NodeEvaluation {
  /** Grounded (sceptical) acceptability. */
  readonly label: Label
  /** DF-QuAD strength in [0, 1]. */
  readonly strength: number
  /** Base score from the perspective's votes. */
  readonly base: number
  /** Aggregated attack and support that moved `base` to `strength`. */
  readonly attack: number
  readonly support: number
  /** A short sentence for the explain panel. */
  readonly why: string
}

/** The inference of one `supports` relation, which undercuts attack. */
export interface InferenceEvaluation {
  readonly label: Label
  /** Share of the supporter's strength that reaches the target, in [0, 1]. */
  readonly strength: number
  readonly why: string
}

/** Everything the views read from: the passes' typed arrays. */
export interface Computed {
  fw: Framework
  base: Float64Array
  grounded: Grounded
  dfquad: DfQuad
  cycles: UndecidedCycles
}

/**
 * Results are views over the passes' typed arrays, made when first asked for.
 * The editor reads a few hundred visible nodes per keystroke; building
 * 100,000 objects and sentences up front cost more than the evaluation.
 * toJSON gives plain data, `why` included, for logs, tests and workers.
 */
class NodeView implements NodeEvaluation {
  constructor(
    private readonly c: Computed,
    private readonly i: number,
  ) {}
  get label(): Label {
    return LABELS[this.c.grounded.label[this.i]!]!
  }
  get strength(): number {
    return this.c.dfquad.strength[this.i]!
  }
  get base(): number {
    return this.c.base[this.i]!
  }
  get attack(): number {
    return this.c.dfquad.attack[this.i]!
  }
  get support(): number {
    return this.c.dfquad.support[this.i]!
  }
  get why(): string {
    const { fw, grounded, cycles, dfquad, base } = this.c
    return `${labelReason(fw, grounded, cycles, this.i)} ${strengthReason(dfquad, base, this.i)}`
  }
  toJSON(): NodeEvaluation {
    const { label, strength, base, attack, support, why } = this
    return { label, strength, base, attack, support, why }
  }
}

class InferenceView implements InferenceEvaluation {
  constructor(
    private readonly c: Computed,
    private readonly k: number,
  ) {}
  get label(): Label {
    return LABELS[this.c.grounded.label[this.c.fw.nodeCount + this.k]!]!
  }
  get strength(): number {
    return this.c.dfquad.inference[this.k]!
  }
  get why(): string {
    return labelReason(this.c.fw, this.c.grounded, this.c.cycles, this.c.fw.nodeCount + this.k)
  }
  toJSON(): InferenceEvaluation {
    return { label: this.label, strength: this.strength, why: this.why }
  }
}

/** A read-only map from id to view, backed by an id → index lookup. */
class Views<V> implements ReadonlyMap<string, V> {
  private readonly made: (V | undefined)[] = []
  constructor(
    private readonly indexOf: () => ReadonlyMap<string, number>,
    private readonly make: (i: number) => V,
  ) {}
  get size(): number {
    return this.indexOf().size
  }
  get(id: string): V | undefined {
    const i = this.indexOf().get(id)
    return i === undefined ? undefined : this.at(i)
  }
  has(id: string): boolean {
    return this.indexOf().has(id)
  }
  private at(i: number): V {
    return (this.made[i] ??= this.make(i))
  }
  *entries(): MapIterator<[string, V]> {
    for (const [id, i] of this.indexOf()) yield [id, this.at(i)]
  }
  *keys(): MapIterator<string> {
    yield* this.indexOf().keys()
  }
  *values(): MapIterator<V> {
    for (const i of this.indexOf().values()) yield this.at(i)
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [id, v] of this.entries()) fn(v, id, this)
  }
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries())
  }
}

export function nodeViews(c: Computed): ReadonlyMap<string, NodeEvaluation> {
  return new Views(
    () => c.fw.indexOf,
    (i) => new NodeView(c, i),
  )
}

export function inferenceViews(c: Computed): ReadonlyMap<string, InferenceEvaluation> {
  let index: Map<string, number> | undefined
  // Built on first use: most renders never ask about inferences.
  const indexOf = () => {
    if (!index) {
      index = new Map()
      c.fw.supportIds.forEach((id, k) => index!.has(id) || index!.set(id, k))
    }
    return index
  }
  return new Views(indexOf, (k) => new InferenceView(c, k))
}
