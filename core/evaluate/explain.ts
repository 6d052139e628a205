import type { Framework } from './framework'
import { IN, OUT, UNDEC, type Grounded } from './grounded'
import type { DfQuad } from './dfquad'

/**
 * Short sentences for the editor's explain panel: why a node got its label
 * and where its strength comes from. Names are quoted node texts, cut short.
 */

/**
 * [EX3] Every UNDEC argument has an UNDEC attacker (otherwise propagation
 * would have labelled it), so following "first UNDEC attacker" links from any
 * UNDEC argument must end in a cycle. The links form a functional graph, so
 * one walk per argument, memoised, finds every argument's cycle in linear time.
 */
export interface UndecidedCycles {
  /** For an UNDEC argument: the UNDEC attacker that keeps it undecided, else -1. */
  blame: Int32Array
  /** For an UNDEC argument: index into `cycles`, else -1. */
  cycleOf: Int32Array
  /** Each cycle's members in attack order: cycle[i] attacks cycle[i+1], the last attacks the first. */
  cycles: number[][]
  /** 1 for arguments that lie on their cycle rather than downstream of it. */
  onCycle: Uint8Array
}

export function undecidedCycles(fw: Framework, g: Grounded): UndecidedCycles {
  const n = fw.argCount
  const blame = new Int32Array(n).fill(-1)
  const cycleOf = new Int32Array(n).fill(-1)
  const cycles: number[][] = []
  const onCycle = new Uint8Array(n)
  for (let a = 0; a < n; a++) {
    if (g.label[a] !== UNDEC) continue
    for (let e = fw.attackInStart[a]!; e < fw.attackInStart[a + 1]!; e++) {
      if (g.label[fw.attackIn[e]!] === UNDEC) {
        blame[a] = fw.attackIn[e]!
        break
      }
    }
  }
  const state = new Uint8Array(n) // 0 new, 1 on the current walk, 2 done
  const walk: number[] = []
  for (let a = 0; a < n; a++) {
    if (g.label[a] !== UNDEC || state[a]) continue
    walk.length = 0
    let v = a
    while (state[v] === 0) {
      state[v] = 1
      walk.push(v)
      v = blame[v]!
    }
    let found: number
    if (state[v] === 1) {
      // The walk closed on itself: the cycle is the tail from v, reversed into attack order.
      const cycle = walk.slice(walk.indexOf(v)).reverse()
      found = cycles.length
      cycles.push(cycle)
      for (const w of cycle) onCycle[w] = 1
    } else found = cycleOf[v]!
    for (const w of walk) {
      state[w] = 2
      cycleOf[w] = found
    }
  }
  return { blame, cycleOf, cycles, onCycle }
}

const NAME_LENGTH = 40
const LISTED = 2
const CYCLE_SHOWN = 4

/** “text”, cut to NAME_LENGTH; the id when the node has no text. */
export function nodeName(fw: Framework, node: number): string {
  const text = fw.nodeTexts[node]!.replace(/\s+/g, ' ').trim() || fw.nodeIds[node]!
  return `“${text.length > NAME_LENGTH ? text.slice(0, NAME_LENGTH - 1) + '…' : text}”`
}

/** Nodes by quoted text; an inference as the step it stands for. */
export function argName(fw: Framework, arg: number): string {
  if (arg < fw.nodeCount) return nodeName(fw, arg)
  const k = arg - fw.nodeCount
  return `the step from ${nodeName(fw, fw.supportSource[k]!)} to ${nodeName(fw, fw.supportTarget[k]!)}`
}

/** Up to LISTED names, then how many more there are out of `total`. */
function listNames(fw: Framework, args: ArrayLike<number>, total: number): string {
  const shown = Array.from(args)
    .slice(0, LISTED)
    .map((a) => argName(fw, a))
  const more = total - shown.length
  if (more > 0) return `${shown.join(', ')} and ${more} more`
  return shown.join(' and ')
}

export function cycleText(fw: Framework, cycle: readonly number[]): string {
  const shown = cycle.slice(0, CYCLE_SHOWN).map((a) => argName(fw, a))
  if (cycle.length > CYCLE_SHOWN) return `${shown.join(' → ')} → … (${cycle.length} in all)`
  return [...shown, argName(fw, cycle[0]!)].join(' → ')
}

/** [EX1] Why an argument (node or inference) has its grounded label. */
export function labelReason(fw: Framework, g: Grounded, u: UndecidedCycles, arg: number): string {
  const attacker = fw.nodeCount <= arg ? 'undercut' : 'attacked'
  if (g.label[arg] === OUT) return `OUT: ${attacker} by ${argName(fw, g.outBy[arg]!)}, which is IN.`
  if (g.label[arg] === IN) {
    const from = fw.attackInStart[arg]!
    const to = fw.attackInStart[arg + 1]!
    if (from === to) return `IN: nothing ${attacker === 'attacked' ? 'attacks' : 'undercuts'} it.`
    const names = listNames(fw, fw.attackIn.subarray(from, Math.min(to, from + LISTED)), to - from)
    return `IN: every attacker is OUT (${names}).`
  }
  const cycle = u.cycles[u.cycleOf[arg]!]!
  const loop = cycleText(fw, cycle)
  if (u.onCycle[arg]) return `UNDEC: it sits on the attack cycle ${loop}, which nothing settles.`
  return `UNDEC: ${attacker} by ${argName(fw, u.blame[arg]!)}, left undecided by the attack cycle ${loop}.`
}

const fmt = (x: number) => x.toFixed(2)

/** [EX2] Where a node's strength comes from: aggregated attack against aggregated support. */
export function strengthReason(d: DfQuad, base: Float64Array, node: number): string {
  const s = fmt(d.strength[node]!)
  const b = fmt(base[node]!)
  const va = d.attack[node]!
  const vs = d.support[node]!
  let why: string
  if (va === 0 && vs === 0) why = `Strength ${s}: its base score, nothing attacks or supports it.`
  else if (va > vs) why = `Strength ${s} from base ${b}: attack ${fmt(va)} outweighs support ${fmt(vs)}.`
  else if (vs > va) why = `Strength ${s} from base ${b}: support ${fmt(vs)} outweighs attack ${fmt(va)}.`
  else why = `Strength ${s}, its base: attack and support balance at ${fmt(va)}.`
  if (!d.settled[node]) why += ' It did not settle: a cycle of attacks and supports keeps it moving.'
  return why
}
