import { describe, expect, inject, test } from 'vitest'
import { loadSeedMaps } from '@/content'
import { READABLE_TEXT_PX } from '@/core/layout'
import { newPerson, openAsGuest } from './support/accounts'
import { browserPerFile } from './support/browser'
import { editText, makeCopy, node, nodeText, waitForState } from './support/editor'
import type { Page } from 'playwright-core'

/** The seed maps as a visitor meets them: readable at first sight, read-only, and copyable. */
describe('seed maps', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function seedMapId(page: Page, title: string): Promise<string> {
    await page.goto('/')
    const href = await page
      .getByTestId('map-link')
      .filter({ hasText: new RegExp(`^${title}$`) })
      .getAttribute('href')
    return href!.split('/').pop()!
  }

  test('[SV2] [PR11] a guest copies a viewer-only seed map and edits the copy; the original is unchanged', async () => {
    const seed = (await loadSeedMaps()).find((s) => s.key === 'no-grey-zones')!
    const thesisText = seed.map.nodes.find((n) => n.id === seed.thesis)!.text
    const guest = await newPerson(run.browser, baseURL, 'Copying pupil')
    run.keep(guest)
    const { page } = guest
    const seedId = await seedMapId(page, seed.title)
    await openAsGuest(page, seedId, guest.name)
    await waitForState(page, 'connected')
    // Viewer-only: the editor opens read-only, with the copy button.
    expect(await page.getByTestId('map-editor').getAttribute('data-read-only')).toBe('true')
    // The analyst's reconstructions say so, and carry no speaker's name.
    await expect
      .poll(() => node(page, 's-the-survey-is-old').getByTestId('node-voice').textContent())
      .toBe('reconstruction')
    expect(await node(page, 's-the-survey-is-old').locator('figcaption').count()).toBe(0)
    expect(await node(page, seed.thesis).locator('figcaption').textContent()).toContain('Andrei Sannikov')

    const copyId = await makeCopy(page)
    expect(copyId).not.toBe(seedId)
    await expect.poll(() => page.locator('.crux-title').textContent()).toBe(`Copy of ${seed.title}`)
    expect(await page.getByTestId('map-editor').getAttribute('data-read-only')).toBeNull()
    await editText(page, seed.thesis, 'My class rewrote the thesis')
    // The owner's links: the copy is theirs.
    await page.getByTestId('share-link').waitFor()

    await page.reload()
    await waitForState(page, 'connected')
    await expect.poll(() => nodeText(page, seed.thesis).textContent()).toBe('My class rewrote the thesis')

    // The seed map, opened afresh, still says what the seed says.
    await page.goto(`/maps/${seedId}`)
    await waitForState(page, 'connected')
    await expect.poll(() => nodeText(page, seed.thesis).textContent()).toBe(thesisText)

    // Nobody else can open the copy.
    const stranger = await newPerson(run.browser, baseURL, 'Stranger')
    run.keep(stranger)
    await stranger.page.goto(`/maps/${copyId}`)
    await stranger.page.waitForURL(/\/signin/)
  })

  test('the first view of every seed map shows node text at 11 CSS px or more, with the thesis in view', async () => {
    const reader = await newPerson(run.browser, baseURL, 'First look')
    run.keep(reader)
    const { page } = reader
    let named = false
    for (const seed of await loadSeedMaps()) {
      const id = await seedMapId(page, seed.title)
      if (named) await page.goto(`/maps/${id}`)
      else await openAsGuest(page, id, reader.name)
      named = true
      await waitForState(page, 'connected')
      await node(page, seed.thesis).getByTestId('node-badge').waitFor()
      // The editor marks the canvas once it has chosen the first view.
      await page.locator('.crux-canvas[data-initial-view]').waitFor()
      await steadyViewport(page)
      const seen = await page.evaluate((thesis) => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!
        const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a
        const text = document.querySelector(`.react-flow__node[data-id="${thesis}"] [data-testid="node-text"]`)!
        const canvas = document.querySelector('.react-flow')!.getBoundingClientRect()
        const box = text.getBoundingClientRect()
        return {
          px: parseFloat(getComputedStyle(text).fontSize) * zoom,
          inView:
            box.left >= canvas.left &&
            box.right <= canvas.right &&
            box.top >= canvas.top &&
            box.bottom <= canvas.bottom,
        }
      }, seed.thesis)
      expect(seen.px, seed.key).toBeGreaterThanOrEqual(READABLE_TEXT_PX)
      expect(seen.inView, seed.key).toBe(true)
    }
  })
})

async function steadyViewport(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  let last = ''
  await expect
    .poll(async () => {
      const now = await transform()
      const steady = now !== '' && now === last
      last = now
      return steady
    })
    .toBe(true)
}
