import { pathToFileURL } from 'node:url'

/**
 * Small helpers every bench shares: timing with warm-up, medians, a markdown
 * table, and "was this file run directly" so bench/run.ts can import main().
 */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Median wall time of `fn` in milliseconds, after `warmup` untimed runs. */
export function timeMs(fn: () => unknown, opts: { warmup?: number; runs?: number } = {}): number {
  const { warmup = 2, runs = 7 } = opts
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

export interface Measurement {
  /** Median wall-clock time. */
  wallMs: number
  /** Fastest wall-clock run: the closest to an idle machine. */
  minMs: number
  /** Median CPU time of this process (user + system), less sensitive to other load. */
  cpuMs: number
}

/** Wall and CPU time of `fn` after `warmup` untimed runs; see Measurement. */
export function measure(fn: () => unknown, opts: { warmup?: number; runs?: number } = {}): Measurement {
  const { warmup = 2, runs = 7 } = opts
  for (let i = 0; i < warmup; i++) fn()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return { wallMs: median(wall), minMs: Math.min(...wall), cpuMs: median(cpu) }
}

export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** True when the module with this import.meta.url is the script node was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1]
  return entry !== undefined && pathToFileURL(entry).href === metaUrl
}

/**
 * Runs a benchmark's main when its file is the script node was started with, then exits: a client
 * process or socket left over by a failure must not keep the bench (and the machine's lock) alive.
 */
export function runIfMain(metaUrl: string, main: () => Promise<unknown>): void {
  if (!isMain(metaUrl)) return
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}

/** Deterministic PRNG (mulberry32): the same seed gives the same maps on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
