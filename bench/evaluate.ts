/**
 * Evaluation benchmark: grounded labelling + DF-QuAD on random bipolar graphs
 * and Kialo-like trees of 1,000 / 10,000 / 100,000 nodes, against the naive
 * least-fixpoint iteration of Dung's characteristic function as baseline.
 *
 *   npx tsx bench/evaluate.ts
 */
import { cpus, loadavg } from 'node:os'
import { repair, type ArgNode, type ArgumentMap, type Relation, type Vote } from '@/core/graph'
import { baseScores, buildFramework, dfQuad, evaluate, groundedLabelling } from '@/core/evaluate'
import { naiveFramework, naiveGroundedExtension } from '../tests/core/evaluate/naive'
import { isMain, markdownTable, measure, seededRandom, type Measurement } from './lib/report'

const SIZES = [1_000, 10_000, 100_000]
/** Skip the naive baseline where one run is predicted to take longer than this. */
const NAIVE_BUDGET_MS = 30_000

type Shape = 'random bipolar' | 'Kialo-like tree'

const claim = (id: string, i: number): ArgNode => ({ id, kind: 'claim', text: `claim ${i}`, x: 0, y: 0, pinned: false })

function votesFor(ids: string[], rnd: () => number): Vote[] {
  // About half the nodes get one to three 0–4 votes, from two groups.
  const votes: Vote[] = []
  for (const id of ids) {
    if (rnd() < 0.5) continue
    const k = 1 + Math.floor(rnd() * 3)
    for (let u = 0; u < k; u++) {
      votes.push({ nodeId: id, userId: `u${u}`, value: Math.floor(rnd() * 5), group: u % 2 ? 'red' : 'blue' })
    }
  }
  return votes
}

/**
 * Random bipolar graph: 1.5 relations per node between uniformly random
 * nodes, 45% attacks, 45% supports, 10% undercuts of an earlier support.
 * Mean out-degree above 1 gives a giant cycle, the hard case for both passes.
 */
export function randomBipolar(n: number, seed = 1): ArgumentMap {
  const rnd = seededRandom(seed)
  const ids = Array.from({ length: n }, (_, i) => `n${i}`)
  const relations: Relation[] = []
  const supportIds: string[] = []
  for (let e = 0; e < Math.round(n * 1.5); e++) {
    const s = Math.floor(rnd() * n)
    const t = Math.floor(rnd() * n)
    const roll = rnd()
    if (roll < 0.1 && supportIds.length) {
      relations.push({
        id: `r${e}`,
        kind: 'undercuts',
        source: ids[s]!,
        target: supportIds[Math.floor(rnd() * supportIds.length)]!,
      })
      continue
    }
    if (s === t) continue
    const kind = roll < 0.55 ? 'attacks' : 'supports'
    relations.push({ id: `r${e}`, kind, source: ids[s]!, target: ids[t]! })
    if (kind === 'supports') supportIds.push(`r${e}`)
  }
  return { title: `random ${n}`, nodes: ids.map(claim), relations, votes: votesFor(ids, rnd) }
}

/**
 * Kialo-like discussion tree: one thesis; every new claim is a pro (55%) or
 * con (45%) of an earlier claim, biased toward recent ones so branches get
 * deep; 2% of claims also undercut a random existing pro.
 */
export function kialoTree(n: number, seed = 2): ArgumentMap {
  const rnd = seededRandom(seed)
  const ids = Array.from({ length: n }, (_, i) => `k${i}`)
  const relations: Relation[] = []
  const pros: string[] = []
  for (let i = 1; i < n; i++) {
    // Squaring a uniform draw favours parents near i, like replies in a live debate.
    const parent = Math.floor(i * (1 - rnd() ** 2))
    const kind = rnd() < 0.55 ? 'supports' : 'attacks'
    relations.push({ id: `e${i}`, kind, source: ids[i]!, target: ids[Math.min(parent, i - 1)]! })
    if (kind === 'supports') pros.push(`e${i}`)
    if (rnd() < 0.02 && pros.length) {
      relations.push({
        id: `u${i}`,
        kind: 'undercuts',
        source: ids[i]!,
        target: pros[Math.floor(rnd() * pros.length)]!,
      })
    }
  }
  return { title: `kialo ${n}`, nodes: ids.map(claim), relations, votes: votesFor(ids, rnd) }
}

/** Grounded + DF-QuAD from a repaired map (as readGraph returns it), without building explanation strings. */
function coreEvaluation(map: ArgumentMap) {
  const fw = buildFramework(map, { repaired: true })
  const base = baseScores(fw.indexOf, fw.nodeCount, map.votes)
  groundedLabelling(fw)
  return dfQuad(fw, base)
}

function naive(map: ArgumentMap) {
  const { args, attackers } = naiveFramework(map)
  return naiveGroundedExtension(args, attackers)
}

export interface EvaluationRow {
  shape: Shape
  nodes: number
  relations: number
  cyclicComponents: number
  sweeps: number
  grounded: Measurement
  core: Measurement
  evaluate: Measurement
  evaluateUnchecked: Measurement
  naive: Measurement | null
  naiveNote: string
}

export function runEvaluationBench(sizes = SIZES): EvaluationRow[] {
  const rows: EvaluationRow[] = []
  for (const shape of ['random bipolar', 'Kialo-like tree'] as Shape[]) {
    let lastNaive: { n: number; ms: number } | null = null
    for (const n of sizes) {
      const map = shape === 'random bipolar' ? randomBipolar(n) : kialoTree(n)
      // What the editor evaluates: the map as readGraph returns it, repaired, so
      // evaluate() may skip re-checking what repair() guarantees. Repairing is part
      // of reading the doc, not of evaluation, so it is done once, untimed.
      const read = repair(map)
      const runs = n >= 100_000 ? 9 : 15
      const grounded = measure(() => groundedLabelling(buildFramework(read, { repaired: true })), { runs })
      const core = measure(() => coreEvaluation(read), { runs })
      const full = measure(() => evaluate(read, { repaired: true }), { runs })
      const unchecked = measure(() => evaluate(map), { runs })
      const stats = coreEvaluation(read)
      // The naive fixpoint costs O(iterations × edges); predict quadratic growth to stay in budget.
      const predicted = lastNaive ? lastNaive.ms * (n / lastNaive.n) ** 2 : 0
      let naiveRun: Measurement | null = null
      let naiveNote = ''
      if (predicted <= NAIVE_BUDGET_MS) {
        naiveRun = measure(() => naive(map), n >= 100_000 ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 })
        if (n >= 100_000) naiveNote = 'single run'
        lastNaive = { n, ms: naiveRun.wallMs }
      } else naiveNote = `skipped: predicted ${(predicted / 1000).toFixed(0)} s`
      rows.push({
        shape,
        nodes: n,
        relations: map.relations.length,
        cyclicComponents: stats.cyclicComponents,
        sweeps: stats.sweeps,
        grounded,
        core,
        evaluate: full,
        evaluateUnchecked: unchecked,
        naive: naiveRun,
        naiveNote,
      })
    }
  }
  return rows
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1))
const times = (m: Measurement) => `${ms(m.cpuMs)} (${ms(m.wallMs)} / ${ms(m.minMs)})`

export function evaluationTable(rows: EvaluationRow[]): string {
  return markdownTable(
    [
      'shape',
      'nodes',
      'relations',
      'cyclic SCCs, max sweeps',
      'grounded',
      'grounded + DF-QuAD',
      'evaluate(), as the editor calls it',
      'evaluate(), unrepaired input',
      'naive fixpoint',
      'naive ÷ grounded',
      'naive ÷ grounded + DF-QuAD',
    ],
    rows.map((r) => [
      r.shape,
      r.nodes.toLocaleString('en-US'),
      r.relations.toLocaleString('en-US'),
      `${r.cyclicComponents}, ${r.sweeps}`,
      times(r.grounded),
      times(r.core),
      times(r.evaluate),
      times(r.evaluateUnchecked),
      r.naive === null ? r.naiveNote : times(r.naive) + (r.naiveNote ? `, ${r.naiveNote}` : ''),
      r.naive === null ? '–' : `${(r.naive.cpuMs / r.grounded.cpuMs).toFixed(0)}×`,
      r.naive === null ? '–' : `${(r.naive.cpuMs / r.core.cpuMs).toFixed(0)}×`,
    ]),
  )
}

/** The machine is shared: say how busy it was, or the numbers mean little. */
function machineNote(): string {
  const [one, five] = loadavg()
  return `Node ${process.version}, ${cpus().length} cores, load average ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min) at the end of the run; times are CPU ms of this process, median (wall median / wall fastest) after warm-up; ratios use CPU time.`
}

export async function main(): Promise<string> {
  const table = evaluationTable(runEvaluationBench())
  const text = `${table}\n\n${machineNote()}`
  console.log(text)
  return text
}

if (isMain(import.meta.url)) await main()
