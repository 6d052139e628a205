import { createRequire } from 'node:module'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { createJoinCode, createMap, openAsGuest, signUp, unique } from './support/accounts'
import { addNode, connect, waitForState } from './support/editor'

const axeSource: string = createRequire(import.meta.url)('axe-core').source

type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

/** axe's WCAG 2.0, 2.1 and 2.2 rules at levels A and AA (2.2 adds target size, among others). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** A desktop and a phone held in the hand. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } }
const SCREENS: Array<[string, BrowserContextOptions]> = [
  ['1440 wide', DESKTOP],
  ['390 wide, touch', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }],
]

/**
 * axe-core's WCAG 2.2 A/AA rules on every page, at 1440 and at 390 wide: no serious or
 * critical violation. (A check, not an audit: axe finds about a third of real problems;
 * the outline, keyboard and phone tests cover more.)
 */
describe.each(SCREENS)('accessibility (axe-core, WCAG 2.2 A and AA) at %s', (_label, screen) => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()
  const phone = screen.viewport!.width < 640
  let owner: Page
  let mapId: string
  let joinCode: string
  let publicPath: string

  async function visitor(options: BrowserContextOptions = screen): Promise<Page> {
    // The page's CSP (rightly) refuses injected scripts; only this test's contexts bypass it, to run axe.
    const context = await run.browser.newContext({ baseURL, bypassCSP: true, ...options })
    run.keep({ context })
    return context.newPage()
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource })
    const violations = (await page.evaluate(async (tags) => {
      const axe = (
        window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }
      ).axe
      return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
    }, WCAG_TAGS)) as Violation[]
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => JSON.stringify(n.target))
            .join(', ')}`,
      )
  }

  /** On a phone the header's buttons fold behind "⋯ Map": open it first. */
  async function headerButton(page: Page, testId: string) {
    if (phone) await page.getByTestId('header-menu').click()
    return page.getByTestId(testId)
  }

  beforeAll(async () => {
    // The map is built at desktop size (the helpers click the unfolded toolbar); the owner's own
    // pages are then audited on this screen, in a context that carries the owner's session.
    const builder = await visitor(DESKTOP)
    await signUp(builder, { name: unique('Publisher') })
    mapId = await createMap(builder, 'A published debate')
    await waitForState(builder, 'connected')
    const claim = await addNode(builder, 'claim', 'Homework should be optional')
    const objection = await addNode(builder, 'objection', 'Practice needs regular work at home')
    await connect(builder, objection, claim, 'attacks')
    await builder.goto(`/maps/${mapId}/publish`)
    await builder.getByTestId('publish').click()
    await builder.locator('[data-testid="versions"] li').first().waitFor()
    publicPath = new URL((await builder.getByTestId('public-url').getAttribute('href'))!, baseURL).pathname
    joinCode = await createJoinCode(builder, mapId, 'editor')
    owner = await visitor({ ...screen, storageState: await builder.context().storageState() })
  }, 90_000)

  test('home page', async () => {
    const page = await visitor()
    await page.goto('/')
    await page.getByTestId('map-link').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('editor on a copy of a seed map, with the outline open and a node selected', async () => {
    const page = await visitor()
    await page.goto('/')
    const href = await page
      .getByTestId('map-link')
      .filter({ hasText: /^No grey zones$/ })
      .getAttribute('href')
    await openAsGuest(page, href!.split('/').pop()!, 'Reader')
    // The title is there with the page, not streamed in after it (htmlLimitedBots in next.config.js):
    // streamed, it was still missing after this navigation in 3 of 10 tries.
    expect(await page.title()).toBe('No grey zones · Crux')
    await waitForState(page, 'connected')
    await page.getByTestId('node-badge').first().waitFor()
    // Seed maps are viewer-only: the editor (inspector and all) is audited on the reader's own copy.
    await (await headerButton(page, 'copy-map')).click()
    await page.waitForURL((url) => !url.pathname.endsWith(href!))
    expect(await page.title()).toBe('Copy of No grey zones · Crux')
    await waitForState(page, 'connected')
    await page.getByTestId('node-badge').first().waitFor()
    await (await headerButton(page, 'outline-toggle')).click()
    await page.getByTestId('outline-select').first().click()
    await page.getByTestId('inspector').waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  test("the owner's editor, with the outline open", async () => {
    await owner.goto(`/maps/${mapId}`)
    await waitForState(owner, 'connected')
    await owner.locator('.react-flow__node').first().waitFor()
    await (await headerButton(owner, 'outline-toggle')).click()
    await owner.getByTestId('outline-select').first().waitFor()
    expect(await seriousViolations(owner)).toEqual([])
  })

  test('share page', async () => {
    await owner.goto(`/maps/${mapId}/share`)
    await owner.getByTestId('share-links').waitFor()
    expect(await seriousViolations(owner)).toEqual([])
  })

  test('publish page', async () => {
    await owner.goto(`/maps/${mapId}/publish`)
    await owner.getByTestId('embed-code').waitFor()
    expect(await seriousViolations(owner)).toEqual([])
  })

  test('published page: outline and canvas, read-only', async () => {
    const page = await visitor()
    await page.goto(publicPath)
    await page.getByTestId('outline').waitFor()
    await page.locator('.react-flow__node').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('embed', async () => {
    const page = await visitor()
    await page.goto(publicPath.replace(/^\/p\//, '/embed/'))
    await page.locator('.react-flow__node').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('join page', async () => {
    const page = await visitor()
    await page.goto(`/join?code=${encodeURIComponent(joinCode)}`)
    await page.getByTestId('join-form').waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('sign-in page', async () => {
    const page = await visitor()
    await page.goto('/signin')
    expect(await seriousViolations(page)).toEqual([])
  })
})
