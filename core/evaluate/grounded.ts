import type { Framework } from './framework'

/** Label codes in the typed array; see `LABELS` for the names. */
export const UNDEC = 0
export const IN = 1
export const OUT = 2
export const LABELS = ['UNDEC', 'IN', 'OUT'] as const
export type Label = (typeof LABELS)[number]

export interface Grounded {
  /** One code per argument (nodes, then inferences). */
  label: Uint8Array
  /** For OUT: the IN attacker that settled it; otherwise -1. */
  outBy: Int32Array
}

/**
 * Dung's grounded labelling by propagation [GR1]: an argument whose attackers
 * are all OUT is IN, an argument with an IN attacker is OUT, and whatever the
 * propagation never reaches is UNDEC. Each attack edge is looked at once when
 * its source gets a label, so the pass is O(arguments + attacks) [GR5].
 *
 * The queue is the only state, so deep chains and trees never touch the call
 * stack.
 */
export function groundedLabelling(fw: Framework): Grounded {
  const n = fw.argCount
  const { attackInStart, attackOutStart, attackOut } = fw
  const label = new Uint8Array(n)
  const outBy = new Int32Array(n).fill(-1)
  // Attackers not yet known to be OUT; at zero the argument is IN.
  const pending = new Int32Array(n)
  const queue = new Int32Array(n)
  let head = 0
  let tail = 0
  for (let a = 0; a < n; a++) {
    pending[a] = attackInStart[a + 1]! - attackInStart[a]!
    if (pending[a] === 0) {
      label[a] = IN
      queue[tail++] = a
    }
  }
  while (head < tail) {
    const a = queue[head++]!
    const end = attackOutStart[a + 1]!
    if (label[a] === IN) {
      for (let e = attackOutStart[a]!; e < end; e++) {
        const t = attackOut[e]!
        if (label[t] !== UNDEC) continue
        label[t] = OUT
        outBy[t] = a
        queue[tail++] = t
      }
    } else {
      for (let e = attackOutStart[a]!; e < end; e++) {
        const t = attackOut[e]!
        if (--pending[t]! === 0 && label[t] === UNDEC) {
          label[t] = IN
          queue[tail++] = t
        }
      }
    }
  }
  return { label, outBy }
}
