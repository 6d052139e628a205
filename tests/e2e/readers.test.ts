import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { openAsGuest, signUp, unique } from './support/accounts'
import { makeCopy, openMap, waitForState } from './support/editor'

/**
 * Readers who were never taught the semantics: the editor's "?" opens the same legend as the
 * published pages, by keyboard; a published page says who wrote it (only if the owner allows,
 * [PR12]), which sources the map analyses, with links, and when it was last updated.
 */
describe('readers', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function person(): Promise<Page> {
    const context = await run.browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })
    run.keep({ context })
    return context.newPage()
  }

  /** A signed-up owner's copy of the seed map "No grey zones", whose evidence quotes a shipped article. */
  async function ownCopyOfSeed(page: Page): Promise<string> {
    await page.goto('/')
    const href = (await page
      .getByTestId('map-link')
      .filter({ hasText: /^No grey zones$/ })
      .getAttribute('href'))!
    await openMap(page, href.split('/').pop()!)
    return makeCopy(page)
  }

  const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)

  test('the editor\'s "?" is reached with Tab, opens the verdict legend with Enter, and Escape closes it', async () => {
    const page = await person()
    await signUp(page, { name: unique('Legend reader') })
    await ownCopyOfSeed(page)
    const legend = page.getByTestId('evaluation-legend')
    expect(await legend.count()).toBe(1)
    expect(await legend.getAttribute('open')).toBeNull()

    // From the header's first link, Tab alone reaches the "?".
    await page.locator('.crux-home').focus()
    for (let presses = 0; (await focusedTestId(page)) !== 'evaluation-legend-toggle'; presses++) {
      if (presses > 15) throw new Error('Tab from the home link never reached the legend\'s "?"')
      await page.keyboard.press('Tab')
    }
    expect(await page.getByTestId('evaluation-legend-toggle').textContent()).toContain(
      'What do IN, OUT and UNDEC mean?',
    )

    await page.keyboard.press('Enter')
    await legend.getByText('At least one objection to it stands, unanswered.').waitFor()
    await page.keyboard.press('Escape')
    await legend.getByText('At least one objection to it stands, unanswered.').waitFor({ state: 'hidden' })
    expect(await legend.getAttribute('open')).toBeNull()
    expect(await focusedTestId(page)).toBe('evaluation-legend-toggle')
  })

  test('[PR12] a published page shows the sources analysed with links and when it was updated; the byline only while the owner allows it', async () => {
    const owner = await person()
    const name = unique('Byline author')
    await signUp(owner, { name })
    const mapId = await ownCopyOfSeed(owner)
    await owner.goto(`/maps/${mapId}/publish`)
    expect(await owner.getByTestId('byline-setting').isChecked()).toBe(false) // off by default
    await owner.getByTestId('publish').click()
    const version = owner.locator('[data-testid="versions"] li').first()
    await version.waitFor()
    const publishedAt = (await version.locator('time').getAttribute('datetime'))!
    const publicUrl = (await owner.getByTestId('public-url').getAttribute('href'))!

    const reader = await person()
    await reader.goto(publicUrl)
    await reader.getByTestId('published-page').waitFor()
    expect(await reader.getByTestId('published-byline').count()).toBe(0)
    const updated = reader.getByTestId('published-updated')
    expect(await updated.textContent()).toContain('last updated')
    expect(await updated.locator('time').getAttribute('datetime')).toBe(publishedAt)

    // The map's evidence quotes one shipped article: it is named, and the link opens its text.
    const sources = reader.getByTestId('published-sources')
    expect(await sources.textContent()).toBe('Sources analysed: Belarus - NATO (GlobalSecurity.org)')
    await sources.getByRole('link', { name: 'Belarus - NATO' }).click()
    await reader.getByTestId('source-page').waitFor()
    expect(await reader.locator('h1').textContent()).toBe('Belarus - NATO')
    expect(await reader.getByTestId('source-page').textContent()).toContain('Lukashenk')
    // Only shipped articles have a page: anything else, odd ids included, is a plain 404.
    for (const id of ['no-such-article', '..%2Fmaps%2Findex', 'UPPER'])
      expect((await reader.request.get(`/sources/${id}`)).status()).toBe(404)

    // The owner turns the byline on: the same version now names them; off again, it does not.
    const setByline = async (on: boolean) => {
      await owner.goto(`/maps/${mapId}/publish`)
      await owner.getByTestId('byline-setting').setChecked(on)
      await owner.getByTestId('byline-form').getByRole('button', { name: 'Save' }).click()
      await expect.poll(async () => (await owner.reload(), owner.getByTestId('byline-setting').isChecked())).toBe(on)
    }
    const bylineShown = async () => {
      await reader.goto(publicUrl)
      await reader.getByTestId('published-page').waitFor()
      return reader.getByTestId('published-byline').count()
    }
    await setByline(true)
    await expect.poll(bylineShown, { timeout: 15_000 }).toBe(1)
    expect(await reader.getByTestId('published-byline').textContent()).toBe(`by ${name}`)
    await setByline(false)
    await expect.poll(bylineShown, { timeout: 15_000 }).toBe(0)
  })

  test('a seed map on a phone, 390×844 with touch, as it first opens (README screenshot)', async () => {
    const context = await run.browser.newContext({
      baseURL,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    })
    run.keep({ context })
    const page = await context.newPage()
    await page.goto('/')
    const href = (await page
      .getByTestId('map-link')
      .filter({ hasText: /^No grey zones$/ })
      .getAttribute('href'))!
    await openAsGuest(page, href.split('/').pop()!, 'Maya')
    await waitForState(page, 'connected')
    await page.getByTestId('node-badge').first().waitFor()
    await page.locator('.crux-canvas[data-initial-view]').waitFor()
    // The first view settles (fit, then the zoom to the thesis) before the picture is taken.
    const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
    let last = ''
    await expect
      .poll(async () => {
        const before = last
        last = await transform()
        return before === last
      })
      .toBe(true)

    // Written to docs/ only on request, so an ordinary run leaves the checkout clean.
    const out =
      process.env.CRUX_UPDATE_SCREENSHOT === '1'
        ? path.resolve(import.meta.dirname, '../../docs/screenshots/phone.png')
        : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crux-shot-')), 'phone.png')
    await page.screenshot({ path: out })
    const png = fs.readFileSync(out)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([780, 1688])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
  })
})
