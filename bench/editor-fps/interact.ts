import type { Page } from 'playwright-core'

/**
 * The two interactions the bench times, driven like a person: a pointer
 * drag that circles for a while, and steady typing. Pointer events go out at
 * about 125 Hz, a common mouse report rate.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The node nearest the canvas centre: its id and where to grab it. */
export async function nodeNearCentre(page: Page): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    const cx = pane.left + pane.width / 2
    const cy = pane.top + pane.height / 2
    let best: { id: string; x: number; y: number; d: number } | null = null
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect()
      const x = r.left + r.width / 2
      const y = r.top + r.height / 2
      const d = Math.hypot(x - cx, y - cy)
      if (!best || d < best.d) best = { id: el.dataset.id ?? '', x, y, d }
    }
    return best
  })
  if (!found) throw new Error('no node on the canvas')
  return found
}

/** Where node `id` is on screen now: its centre, in page pixels. */
export async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()
  if (!box) throw new Error(`node ${id} is not on the canvas`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Drags node `id` round a circle, whole turns only, and lets go where it was
 * picked up: every window and every page drags the same node from the same
 * place, so no round inherits a different node (with more relations to
 * redraw) or a different neighbourhood from the round before.
 */
export async function dragInCircles(page: Page, ms: number, id: string): Promise<void> {
  const { x, y } = await nodeCentre(page, id)
  await page.mouse.move(x, y)
  await page.mouse.down()
  const STEPS_PER_TURN = 75
  const until = Date.now() + ms
  let k = 1
  for (; Date.now() < until || k % STEPS_PER_TURN !== 0; k++) {
    const a = (2 * Math.PI * k) / STEPS_PER_TURN
    await page.mouse.move(x + 80 * Math.sin(a), y + 50 * (1 - Math.cos(a)))
    await sleep(8)
  }
  await page.mouse.move(x, y)
  await page.mouse.up()
}

/** Types for `ms` at about 12 keys a second (a quick typist), into whatever has the focus. */
export async function typeFor(page: Page, ms: number): Promise<void> {
  const until = Date.now() + ms
  const words = ['fares ', 'cover ', 'a ', 'third ', 'of ', 'the ', 'cost ']
  for (let k = 0; Date.now() < until; k++) await page.keyboard.type(words[k % words.length]!, { delay: 80 })
}
