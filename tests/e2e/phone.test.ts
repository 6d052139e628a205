import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { openAsGuest, unique } from './support/accounts'
import { edgeIds, node, nodeIds, nodeText, waitForState } from './support/editor'

/**
 * A phone (390×844, touch): the canvas takes the screen, the toolbar and the map's menu fold
 * behind one button each, the inspector is a bottom sheet, and taps do everything: copy a seed
 * map, add a node, write its text, connect it through the picker, vote.
 */
describe('the editor on a phone', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  test('open a seed map, add a node, connect it through the picker, vote, all by tapping', async () => {
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
    await openAsGuest(page, href.split('/').pop()!, unique('Phone reader'))
    await waitForState(page, 'connected')

    // Nothing overflows the screen, the title stays, the canvas has the width.
    const layout = async () =>
      page.evaluate(() => {
        const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect()
        return {
          pageWidth: document.documentElement.scrollWidth,
          canvas: box('.crux-canvas')?.width ?? 0,
          title: box('.crux-title')?.width ?? 0,
        }
      })
    expect(await layout()).toMatchObject({ pageWidth: 390, canvas: 390 })
    expect((await layout()).title).toBeGreaterThan(100)

    // Seed maps are read-only for visitors: the map's menu holds "Make a copy".
    await page.getByTestId('header-menu').tap()
    await page.getByTestId('copy-map').tap()
    await page.waitForURL((url) => !url.pathname.endsWith(href))
    await waitForState(page, 'connected')
    await page.locator('.react-flow__node').first().waitFor()
    expect(await page.getByTestId('add-claim').isVisible()).toBe(false) // folded away

    // Add a claim from the folded toolbar; the menu folds again and the node is selected.
    const before = new Set(await nodeIds(page))
    await page.getByTestId('toolbar-menu').tap()
    await page.getByTestId('add-claim').tap()
    const fresh = page.locator('.react-flow__node.selected')
    await fresh.waitFor()
    const id = (await fresh.getAttribute('data-id'))!
    expect(before.has(id)).toBe(false)
    expect(await page.getByTestId('add-claim').isVisible()).toBe(false)

    // The inspector is a sheet along the bottom, the full width of the screen.
    const sheet = (await page.getByTestId('inspector').boundingBox())!
    expect(Math.round(sheet.width)).toBe(390)
    expect(Math.round(sheet.y + sheet.height)).toBe(844)
    expect(sheet.height).toBeLessThan(844 / 2)

    // Write its text in the sheet.
    const text = page.getByTestId('inspector-text')
    await text.tap()
    await text.fill('Neutrality has a price Belarus cannot pay')
    // The phone keyboard's "done": the field loses focus, which commits the draft.
    await text.evaluate((el) => (el as HTMLElement).blur())
    await nodeText(page, id).filter({ hasText: 'Neutrality has a price Belarus cannot pay' }).waitFor()

    // Connect it through the picker: it attacks a seed claim found by text.
    const edgesBefore = (await edgeIds(page)).length
    await page.getByTestId('connect-open').tap()
    await page.getByTestId('connect-search').fill('security guarantees')
    await page.getByTestId('connect-option').first().waitFor()
    await page.getByTestId('connect-kind-attacks').tap()
    await page.getByTestId('connect-confirm').tap()
    await expect.poll(async () => (await edgeIds(page)).length).toBe(edgesBefore + 1)
    expect(await page.locator(`.react-flow__edge[aria-label="attacks"]`).count()).toBeGreaterThan(0)

    // Vote on it.
    await page.getByTestId('vote-3').tap()
    await expect.poll(() => page.getByTestId('vote-3').getAttribute('aria-checked')).toBe('true')

    // A tap on another node selects it.
    await page.locator('.react-flow__pane').tap({ position: { x: 10, y: 10 } })
    // One the person can see: inside the canvas, above the sheet.
    const other = await page.evaluate((mine) => {
      const canvas = document.querySelector('.crux-canvas')!.getBoundingClientRect()
      const sheetTop = document.querySelector('[data-testid="inspector"]')?.getBoundingClientRect().top ?? canvas.bottom
      const seen = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((el) => {
        const r = el.querySelector('[data-testid="node-text"]')?.getBoundingClientRect()
        return (
          el.dataset.id !== mine &&
          !!r &&
          r.top >= canvas.top &&
          r.bottom <= sheetTop &&
          r.left >= 0 &&
          r.right <= canvas.right
        )
      })
      return seen?.dataset.id ?? null
    }, id)
    expect(other).not.toBeNull()
    await nodeText(page, other!).tap()
    await expect.poll(() => node(page, other!).getAttribute('class')).toContain('selected')
    expect((await layout()).pageWidth).toBe(390)
  })
})
