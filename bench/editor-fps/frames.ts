import type { Page } from 'playwright-core'
import { median } from '../lib/report'

/**
 * Frame timing inside the page: requestAnimationFrame timestamps between
 * start and stop, so what is measured is what the person would see, not how
 * fast the bench drives the mouse.
 */

type BenchWindow = Window & {
  __frames?: number[]
  __recording?: boolean
  __cruxEvaluateMs?: number[]
  __evalFrom?: number
}

// A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
const START = `(() => {
  const w = window
  w.__frames = []
  w.__recording = true
  w.__evalFrom = (w.__cruxEvaluateMs || []).length
  // A loop from an earlier window may still be waiting for its next frame: each loop stops
  // once a newer one has started, or two loops would count every frame twice.
  const generation = (w.__frameGeneration = (w.__frameGeneration || 0) + 1)
  const tick = (t) => {
    if (!w.__recording || w.__frameGeneration !== generation) return
    w.__frames.push(t)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START)
}

export interface Recording {
  /** rAF timestamps, ms. */
  frames: number[]
  /** Evaluations the editor ran during the window, each one's cost in ms (empty on the bare page). */
  evaluations: number[]
}

export async function stopFrames(page: Page): Promise<Recording> {
  return page.evaluate(() => {
    const w = window as BenchWindow
    w.__recording = false
    return { frames: w.__frames ?? [], evaluations: (w.__cruxEvaluateMs ?? []).slice(w.__evalFrom ?? 0) }
  })
}

export interface FrameStats {
  seconds: number
  /** Frames per second over the window. */
  fps: number
  /** 5th percentile of instantaneous fps (1000 / frame interval): the slow end a person notices. */
  p5Fps: number
  /** Frame intervals over 20 ms (below 50 fps), as a count and as a share of all intervals. */
  longFrames: number
  longShare: number
  worstMs: number
}

export const LONG_FRAME_MS = 20

export function frameStats(frames: readonly number[]): FrameStats {
  const dts: number[] = []
  for (let i = 1; i < frames.length; i++) dts.push(frames[i]! - frames[i - 1]!)
  const span = frames.length > 1 ? frames[frames.length - 1]! - frames[0]! : 0
  const inst = dts.map((dt) => 1000 / dt).sort((a, b) => a - b)
  const long = dts.filter((dt) => dt > LONG_FRAME_MS).length
  return {
    seconds: span / 1000,
    fps: span > 0 ? (dts.length * 1000) / span : 0,
    p5Fps: inst.length ? inst[Math.floor(inst.length * 0.05)]! : 0,
    longFrames: long,
    longShare: dts.length ? long / dts.length : 0,
    worstMs: dts.length ? Math.max(...dts) : 0,
  }
}

/** Per-window stats merged across rounds: medians of the per-round figures, long frames summed. */
export function mergeRounds(rounds: readonly FrameStats[]): FrameStats {
  return {
    seconds: rounds.reduce((s, r) => s + r.seconds, 0),
    fps: median(rounds.map((r) => r.fps)),
    p5Fps: median(rounds.map((r) => r.p5Fps)),
    longFrames: rounds.reduce((s, r) => s + r.longFrames, 0),
    longShare: median(rounds.map((r) => r.longShare)),
    worstMs: Math.max(...rounds.map((r) => r.worstMs)),
  }
}
