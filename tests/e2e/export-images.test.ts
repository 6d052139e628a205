import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { newPerson, openAsGuest } from './support/accounts'
import { waitForState } from './support/editor'

/**
 * PNG and SVG images of the canvas, as a reader downloads them from the
 * editor's Export menu: the whole map, its text, and attacks still dashed
 * even when the canvas itself is zoomed out far enough to draw them solid.
 */
describe('image export', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function openSeedMap(): Promise<Page> {
    const person = await newPerson(run.browser, baseURL, 'Exporter')
    run.keep(person)
    const { page } = person
    await page.goto('/')
    const href = await page.getByTestId('map-link').filter({ hasText: /^No grey zones$/ }).getAttribute('href')
    await openAsGuest(page, href!.split('/').pop()!, person.name)
    await waitForState(page, 'connected')
    await page.getByTestId('node-badge').first().waitFor()
    return page
  }

  /** Clicks an image export and returns the downloaded file's bytes. */
  async function exportImage(page: Page, format: 'png' | 'svg'): Promise<Buffer> {
    const menu = page.getByTestId('export-menu')
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()])
    expect(download.suggestedFilename()).toBe(`no-grey-zones.${format}`)
    return fs.readFileSync((await download.path())!)
  }

  // An attack's dash pattern (8 5 in components/map/edges/relationStyle.ts) as computed styles inline it.
  const ATTACK_DASH = /stroke-dasharray:\s*8(px)?,\s*5(px)?;/

  test('SVG: the whole map with its text, attacks dashed, also when the canvas is zoomed far out', async () => {
    const page = await openSeedMap()
    const near = (await exportImage(page, 'svg')).toString('utf8')
    expect(near.trimStart().startsWith('<svg')).toBe(true)
    expect(near).toContain('but include Belarus')
    expect(near).toMatch(ATTACK_DASH)

    // Zoom out until the canvas draws relations solid, then export again.
    const pane = page.locator('.react-flow__pane')
    const box = (await pane.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (let i = 0; i < 12 && (await page.locator('.crux-canvas.is-far').count()) === 0; i++) await page.mouse.wheel(0, 600)
    await page.locator('.crux-canvas.is-far').waitFor()
    const attackPath = page.locator('.react-flow__edge-path[style*="stroke-dasharray"]').first()
    expect(await attackPath.evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none')

    const far = (await exportImage(page, 'svg')).toString('utf8')
    expect(far).toMatch(ATTACK_DASH)
    expect(far).toContain('but include Belarus')
    // The canvas itself stays in its far view.
    expect(await attackPath.evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none')
  })

  test('PNG: a real image of at least the minimum size', async () => {
    const page = await openSeedMap()
    const png = await exportImage(page, 'png')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(320)
    // Far more than a blank canvas compresses to: the nodes and their text are drawn.
    expect(png.length).toBeGreaterThan(50_000)
  })
})
