/**
 * Editor frame rate on a 1,000-node map, in Chromium, against bare React
 * Flow with the same nodes and edges (`/bench-flow`), side by side in one run.
 * Windows: (a) dragging a node in circles, (b) typing into a node, each while
 * another client changes a vote or an attack every 100 ms so the editor keeps
 * re-evaluating; plus the editor dragging with no remote edits. Frames are
 * requestAnimationFrame timestamps in the page. Rounds alternate the pages so
 * drift on a shared machine hits both alike.
 *
 * `npx tsx bench/editor-fps.ts` (NEXT_DIST_DIR picks the build; one is made
 * if missing). BENCH_NODES, BENCH_SECONDS, BENCH_ROUNDS override the defaults.
 */
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '@/tests/e2e/support/browser'
import { freshSqliteDb } from '@/harness/db'
import { ensureBuild, startApp, type RunningApp } from './editor-fps/app'
import { benchMap, storeBenchMap } from './editor-fps/fixture'
import { frameStats, mergeRounds, startFrames, stopFrames, type FrameStats } from './editor-fps/frames'
import { dragInCircles, nodeNearCentre, typeFor } from './editor-fps/interact'
import { startStreamer, type Streamer } from './editor-fps/streamer'
import { isMain, markdownTable, median } from './lib/report'
import { writeSection } from './sync-latency/report'

const NODES = Number(process.env.BENCH_NODES ?? 1000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const HEADING = '## Editor frame rate'
const VIEWPORT = { width: 1400, height: 900 }

type Window_ = 'drag, remote edits' | 'drag, quiet' | 'type, remote edits' | 'type, quiet' | 'drag' | 'type'
type Result = {
  page: 'editor' | 'bare React Flow'
  window: Window_
  stats: FrameStats
  evaluations: number[]
  edits: number
}

export async function main(): Promise<string> {
  const distDir = ensureBuild()
  const map = benchMap(NODES)
  const db = freshSqliteDb()
  let app: RunningApp | undefined
  let browser: Browser | undefined
  let streamer: Streamer | undefined
  try {
    const mapId = await storeBenchMap(db.db, map)
    app = await startApp(db.url, { SEED_ON_START: 'false', CRUX_BENCH_PAGES: '1' })
    browser = await launchBrowser()
    const editor = await openEditor(browser, app.url, mapId)
    const bare = await openBare(browser, app.url, mapId)
    const cookie = (await editor.context.cookies(app.url)).map((c) => `${c.name}=${c.value}`).join('; ')
    streamer = await startStreamer(app.url, mapId, cookie)

    const results: Result[] = []
    const run = async (page: Page, who: Result['page'], window: Window_, act: () => Promise<void>, stream: boolean) => {
      await page.bringToFront()
      if (stream) streamer!.resume()
      const before = streamer!.edits
      await startFrames(page)
      await act()
      const rec = await stopFrames(page)
      streamer!.pause()
      results.push({
        page: who,
        window,
        stats: frameStats(rec.frames),
        evaluations: rec.evaluations,
        edits: streamer!.edits - before,
      })
    }
    const ms = SECONDS * 1000
    // One node for every drag and every typing window, on both pages: the one nearest the
    // centre of the first view (both pages draw the same layout at the same zoom).
    const { id: target } = await nodeNearCentre(editor.page)
    for (let round = 0; round < ROUNDS; round++) {
      await run(bare, 'bare React Flow', 'drag', () => dragInCircles(bare, ms, target), false)
      await run(editor.page, 'editor', 'drag, remote edits', () => dragInCircles(editor.page, ms, target), true)
      await run(editor.page, 'editor', 'drag, quiet', () => dragInCircles(editor.page, ms, target), false)
      await bare.getByTestId('bench-input').click()
      await run(bare, 'bare React Flow', 'type', () => typeFor(bare, ms), false)
      await startTypingInNode(editor.page, target)
      await run(editor.page, 'editor', 'type, remote edits', () => typeFor(editor.page, ms), true)
      await run(editor.page, 'editor', 'type, quiet', () => typeFor(editor.page, ms), false)
      await editor.page.keyboard.press('Escape')
      await bare.getByTestId('bench-input').fill('')
    }
    const body = report(results, distDir)
    console.log(body)
    if (process.env.BENCH_WRITE !== '0')
      writeSection(path.resolve(import.meta.dirname, '../docs/benchmarks.md'), HEADING, body)
    return body
  } finally {
    streamer?.stop()
    await browser?.close()
    await app?.stop()
    await db.dispose()
  }
}

async function openEditor(
  browser: Browser,
  url: string,
  mapId: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT })
  // Opt in to the editor's evaluation timings (see components/map/hooks/useEvaluation.ts).
  await context.addInitScript(() => void ((window as { __cruxEvaluateMs?: number[] }).__cruxEvaluateMs = []))
  const page = await context.newPage()
  await page.goto(`/maps/${mapId}`)
  const form = page.getByTestId('guest-name-form')
  await form.getByLabel('Your name').fill('Bench')
  await form.getByRole('button', { name: 'Open the map' }).click()
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 60_000 })
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="node-badge"]').length === n, NODES, {
    timeout: 120_000,
  })
  await settle(page)
  return { context, page }
}

async function openBare(browser: Browser, url: string, mapId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT })
  const page = await context.newPage()
  // The export route needs a session too: the same guest form, on the editor page, first.
  await page.goto(`/maps/${mapId}`)
  const form = page.getByTestId('guest-name-form')
  await form.getByLabel('Your name').fill('Baseline')
  await form.getByRole('button', { name: 'Open the map' }).click()
  await page.getByTestId('map-editor').waitFor()
  await page.goto(`/bench-flow?map=${encodeURIComponent(mapId)}`)
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, NODES, {
    timeout: 120_000,
  })
  await settle(page)
  return page
}

/** Lets the first fit, measurement and deferred evaluation finish before anything is timed. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1500)
}

async function startTypingInNode(page: Page, id: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${id}"] [data-testid="node-text"]`).dblclick()
  await page.locator(`.react-flow__node[data-id="${id}"] [data-testid="node-text-input"]`).waitFor()
}

function report(results: Result[], distDir: string): string {
  const merged = (page: Result['page'], window: Window_) => {
    const rs = results.filter((r) => r.page === page && r.window === window)
    return {
      stats: mergeRounds(rs.map((r) => r.stats)),
      evaluations: rs.flatMap((r) => r.evaluations),
      edits: rs.reduce((s, r) => s + r.edits, 0),
    }
  }
  const rows: [Result['page'], Window_][] = [
    ['bare React Flow', 'drag'],
    ['editor', 'drag, remote edits'],
    ['editor', 'drag, quiet'],
    ['bare React Flow', 'type'],
    ['editor', 'type, remote edits'],
    ['editor', 'type, quiet'],
  ]
  const f1 = (x: number) => x.toFixed(1)
  const table = markdownTable(
    [
      'page',
      'window',
      'fps (mean)',
      'p5 of instantaneous fps',
      'frames > 20 ms',
      'worst frame ms',
      'remote edits',
      'evaluations: count, median / max ms',
    ],
    rows.map(([page, window]) => {
      const m = merged(page, window)
      const ev = m.evaluations
      return [
        page,
        window,
        f1(m.stats.fps),
        f1(m.stats.p5Fps),
        `${m.stats.longFrames} (${(m.stats.longShare * 100).toFixed(1)}%)`,
        f1(m.stats.worstMs),
        page === 'editor' ? m.edits : '–',
        ev.length ? `${ev.length}, ${median(ev).toFixed(1)} / ${Math.max(...ev).toFixed(1)}` : '–',
      ]
    }),
  )
  const ratio = (a: Window_, b: Window_) => merged('editor', a).stats.fps / merged('bare React Flow', b).stats.fps
  const p5ratio = (a: Window_, b: Window_) => merged('editor', a).stats.p5Fps / merged('bare React Flow', b).stats.p5Fps
  const dragFps = merged('editor', 'drag, remote edits').stats.fps
  const typeFps = merged('editor', 'type, remote edits').stats.fps
  const [one, five] = os.loadavg()
  return `\`npx tsx bench/editor-fps.ts\` (also \`main()\` for \`bench/run.ts\`). The production build
(\`${distDir}\`) served by \`scripts/start.ts\` on a fresh SQLite file; Debian Chromium,
headless, software rendering (\`--disable-gpu\`), ${VIEWPORT.width}×${VIEWPORT.height} window.

- **Map**: ${NODES} nodes, ${benchMap(NODES).relations.length} relations: the Kialo-like tree of the
  evaluation bench (pros and cons, 2% undercuts) plus cross-branch attacks on 3% of
  nodes, sentence-length texts, votes on about half the nodes, on a grid. Opened at
  the editor's first view (fit to the map, clamped at zoom 0.1), so every node is
  drawn: the worst case for rendering.
- **Baseline**: \`/bench-flow?map=<id>\`, a benchmark-only page: bare \`<ReactFlow>\`
  with the same nodes (default node type, same width) and edges from the export
  route, positions in React state, no Yjs, no evaluation, no badges; typing goes
  into a plain input over it.
- **Windows**: ${SECONDS} s each, ${ROUNDS} rounds, pages alternating. *Drag*: the
  node nearest the centre of the first view, the same node on both pages and in every
  round, circled with \`page.mouse\` at ~125 Hz in whole turns and dropped where it was
  picked up. *Type*: into the
  node's in-place editor (baseline: the input), ~12 keys/s. *Remote edits*: a
  Node y-websocket client (the same guest session) changes a vote or adds/removes
  an attack every 100 ms, each forcing a full re-evaluation on the page.
- **Columns**: fps from requestAnimationFrame timestamps (median of rounds); p5
  of instantaneous fps (1000 / frame interval); frames > 20 ms (below 50 fps),
  summed, with the median share; evaluations the editor ran in the windows, timed
  in the page (evaluate() plus building the badges).

${table}

Ratio editor ÷ bare React Flow, mean fps: drag with remote edits **${ratio('drag, remote edits', 'drag').toFixed(2)}**,
quiet drag **${ratio('drag, quiet', 'drag').toFixed(2)}**, typing with remote edits **${ratio('type, remote edits', 'type').toFixed(2)}**,
quiet typing **${ratio('type, quiet', 'type').toFixed(2)}**;
p5 fps: drag **${p5ratio('drag, remote edits', 'drag').toFixed(2)}**, typing **${p5ratio('type, remote edits', 'type').toFixed(2)}**.
Target 50 fps while re-evaluating: drag ${dragFps >= 50 ? 'met' : 'not met'} (${f1(dragFps)}), typing ${typeFps >= 50 ? 'met' : 'not met'} (${f1(typeFps)}).

What profiling found, and what was changed for it, is written up in the next section
("Editor frame rate: what profiling found"), which this bench leaves alone.

Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average
${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min) at the end of the run, with the other
engineers' builds and tests sharing the machine.`
}

if (isMain(import.meta.url)) await main()
