import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'

/**
 * Publishing end to end: an owner signs up, imports an Argdown file, publishes
 * it; readers get the outline in the served HTML, a canvas with no websocket,
 * permalinks that focus a node, immutable versions, and a 404 after unpublishing.
 */

const baseURL = inject('baseURL')
const dbFile = inject('databaseUrl').replace(/^file:/, '')

const ARGDOWN = `===
title: Grey zones
===

[No grey zones]: Belarus must be brought inside Europe's security guarantees.

<Green light>: A grey zone tells an aggressor that an attack will go unanswered.
  +> [No grey zones]
  <+ [Volker quote]: Kurt Volker on grey zones. {kind: evidence, speaker: "Kurt Volker", quote: "The grey zone is a green light!"}

[Ties cut]: The regime has cut Belarus's ties to the West. {kind: objection}
  -> [No grey zones]
`

let browser: Browser
let owner: BrowserContext
let page: Page
let mapId: string
let slug: string

const countMaps = () => {
  const db = new Database(dbFile, { readonly: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM Map').get() as { n: number }).n
  } finally {
    db.close()
  }
}

async function publish(): Promise<void> {
  await page.goto(`${baseURL}/maps/${mapId}/publish`)
  const before = await page.locator('[data-testid="versions"] li').count()
  await page.getByTestId('publish').click()
  await page.locator('[data-testid="versions"] li').nth(before).waitFor()
}

beforeAll(async () => {
  browser = await launchBrowser()
  owner = await browser.newContext()
  page = await owner.newPage()
  await page.goto(`${baseURL}/signup?next=/maps/import`)
  const form = page.getByTestId('signup-form')
  await form.locator('input[name="name"]').fill('Publisher')
  await form.locator('input[name="email"]').fill(`publisher-${Date.now()}@example.org`)
  await form.locator('input[name="password"]').fill('correct horse battery')
  await form.locator('button[type="submit"]').click()
  await page.waitForURL(/\/maps\/import$/)
})

afterAll(async () => {
  await browser?.close()
})

describe('import', () => {
  test('a broken file lists each problem with where it is, and creates nothing', async () => {
    const before = countMaps()
    // Broken for @argdown/core itself (a conclusion line with no conclusion after it); what it accepts, Crux imports ([AD7]).
    await page.getByTestId('import-text').fill('<A>\n\n(1) a\n----\n')
    await page.getByTestId('import-submit').click()
    const issue = page.getByTestId('import-issue').first()
    await issue.waitFor()
    expect(await issue.textContent()).toMatch(/line 4, column \d+: /)
    expect(page.url()).toMatch(/\/maps\/import$/)
    expect(countMaps()).toBe(before)
  })

  test('an Argdown file is detected, imported and opened', async () => {
    const before = countMaps()
    await page.getByTestId('import-text').fill(ARGDOWN)
    expect(await page.getByTestId('import-submit').textContent()).toContain('Argdown')
    await page.getByTestId('import-submit').click()
    // What had to be mapped or reported is listed first ([AD9]); a clean import opens at once.
    await page.waitForFunction(
      () => location.pathname !== '/maps/import' || !!document.querySelector('[data-testid="import-summary"]'),
    )
    if (await page.getByTestId('import-summary').isVisible()) {
      await page.getByTestId('import-open').click()
    }
    await page.waitForURL(/\/maps\/m[\w-]+$/)
    mapId = new URL(page.url()).pathname.split('/').pop()!
    expect(countMaps()).toBe(before + 1)
  })

  test('the export route downloads the map with a file name and type', async () => {
    const res = await page.request.get(`${baseURL}/api/maps/${mapId}/export?format=argdown`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toMatch(/^text\/plain/)
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="grey-zones\.argdown"/)
    expect(await res.text()).toContain('The grey zone is a green light!')
    const aif = await page.request.get(`${baseURL}/api/maps/${mapId}/export?format=aif`)
    expect(JSON.parse(await aif.text()).nodes.length).toBeGreaterThan(4)
    const anonymous = await fetch(`${baseURL}/api/maps/${mapId}/export?format=json`)
    expect(anonymous.status).toBe(401)
  })
})

describe('published page', () => {
  test('publishing gives a public address', async () => {
    await publish()
    const href = await page.getByTestId('public-url').getAttribute('href')
    slug = new URL(href!).pathname.split('/').pop()!
    expect(slug).toMatch(/^grey-zones-[a-z0-9]+$/)
    expect(await page.getByTestId('embed-code').inputValue()).toContain(`/embed/${slug}`)
  })

  test('the outline is in the HTML as served, before any script runs', async () => {
    const res = await fetch(`${baseURL}/p/${slug}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="node-s-no-grey-zones"')
    expect(html).toContain('Belarus must be brought inside Europe&#x27;s security guarantees.')
    expect(html).toMatch(/<blockquote>“The grey zone is a green light!”<\/blockquote>/)
    expect(html).toMatch(/<cite>Kurt Volker<\/cite>/)
    expect(html).toMatch(/aria-label="Evaluation: [^"]+, strength \d\.\d\d"/)
    expect(html).toMatch(/<meta property="og:type" content="article"/)
    expect(html).toMatch(/<meta property="og:description" content="Belarus must be brought/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=60')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  test('only /embed may be framed', async () => {
    const res = await fetch(`${baseURL}/embed/${slug}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-frame-options')).toBeNull()
    expect(res.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'")
    const html = await res.text()
    expect(html).toMatch(/<details[^>]*><summary>Outline<\/summary>/)
    expect(html).toMatch(/target="_blank" rel="noopener"/)
  })

  test('the page opens no websocket and draws the canvas', async () => {
    const reader = await browser.newContext()
    const p = await reader.newPage()
    const sockets: string[] = []
    const tokenRequests: string[] = []
    p.on('websocket', (ws) => sockets.push(ws.url()))
    p.on('request', (req) => /\/token\b/.test(req.url()) && tokenRequests.push(req.url()))
    await p.goto(`${baseURL}/p/${slug}`)
    await p.locator('.react-flow__node[data-id="s-no-grey-zones"]').waitFor()
    expect(await p.locator('.react-flow__node').count()).toBe(4)
    // Hydrated and quiet: every effect has run, and a socket (or the token fetch before it) would have started.
    await p.waitForLoadState('networkidle')
    expect(sockets).toEqual([])
    expect(tokenRequests).toEqual([])
    await reader.close()
  })

  test('a node permalink focuses its node on the canvas and brings its outline item into view', async () => {
    const reader = await browser.newContext({ viewport: { width: 1280, height: 320 } })
    const p = await reader.newPage()
    await p.goto(`${baseURL}/p/${slug}#node-s-ties-cut`)
    const node = p.locator('.react-flow__node[data-id="s-ties-cut"]')
    await p.locator('.react-flow__node.selected[data-id="s-ties-cut"]').waitFor()
    await expect.poll(() => node.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await p.locator('.react-flow__node.selected').count()).toBe(1)
    expect(await inView(p, '#node-s-ties-cut')).toBe(true)

    // A bare id works too, and following a link changes the focus without a reload.
    await p.evaluate(() => (window.location.hash = '#s-volker-quote'))
    await p.locator('.react-flow__node.selected[data-id="s-volker-quote"]').waitFor()
    expect(await node.evaluate((el) => el.classList.contains('selected'))).toBe(false)
    expect(await inView(p, '#node-s-volker-quote')).toBe(true)
    await reader.close()
  })

  test('an old version keeps its content after the map changes and is republished', async () => {
    await page.goto(`${baseURL}/maps/${mapId}`)
    await page.getByTestId('add-question').click()
    // Wait until the server holds the new node before freezing a version.
    await expect
      .poll(
        async () =>
          JSON.parse(await (await page.request.get(`${baseURL}/api/maps/${mapId}/export?format=json`)).text()).map.nodes
            .length,
      )
      .toBe(5)
    await publish()

    const v1 = await (await fetch(`${baseURL}/p/${slug}/v/1`)).text()
    const latest = await fetch(`${baseURL}/p/${slug}`)
    const v2 = await latest.text()
    expect(outlineItems(v1)).toBe(4)
    expect(outlineItems(v2)).toBe(5)
    expect(v1).toContain('data-version="1"')
    expect(v2).toContain('data-version="2"')
    const pinned = await fetch(`${baseURL}/p/${slug}/v/1`)
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600')
  })

  test('readers get a legend for the verdicts, on the published page and in the embed, that works without script', async () => {
    for (const route of [`/p/${slug}`, `/embed/${slug}`]) {
      const html = await (await fetch(`${baseURL}${route}`)).text()
      expect(html, route).toContain('data-testid="evaluation-legend"')
    }
    const reader = await browser.newContext()
    const p = await reader.newPage()
    await p.goto(`${baseURL}/p/${slug}`)
    const legend = p.getByTestId('evaluation-legend')
    expect(await legend.getByText('Nothing that attacks it is left standing', { exact: false }).isVisible()).toBe(false)
    await legend.locator('summary').click()
    await legend.getByText('Nothing that attacks it is left standing', { exact: false }).waitFor()
    expect(await legend.textContent()).toMatch(/OUT.*defeated.*UNDEC.*undecided.*strength/s)
    await reader.close()
  })

  test('embed options: the code follows the builder, and the frame honours minimap, outline-first and a pinned version', async () => {
    await page.goto(`${baseURL}/maps/${mapId}/publish`)
    const builder = page.getByTestId('embed-builder')
    const code = () => page.getByTestId('embed-code').inputValue()
    expect(await code()).toContain(`/embed/${slug}"`)
    await builder.getByLabel('Height (px)').fill('320')
    await builder.getByLabel('Minimap').uncheck()
    await builder.getByLabel('Outline open first').check()
    await builder.getByLabel('Version').selectOption('1')
    await expect.poll(code).toContain(`/embed/${slug}/v/1?minimap=off&outline=first"`)
    expect(await code()).toContain('height="320"')
    const src = /src="([^"]+)"/.exec(await code())![1]!

    const reader = await browser.newContext({ viewport: { width: 900, height: 700 } })
    const p = await reader.newPage()
    await p.goto(src)
    const frame = p.getByTestId('embedded-map')
    await expect.poll(() => frame.getAttribute('data-minimap')).toBe('off')
    expect(await frame.getAttribute('data-outline')).toBe('first')
    await p.locator('.react-flow__node').first().waitFor()
    expect(await p.locator('.react-flow__minimap').isVisible()).toBe(false)
    expect(await p.locator('details[data-embed-outline]').getAttribute('open')).not.toBeNull()
    // Pinned: version 1 has one node fewer than the newest (see the versions test above).
    expect(await p.locator('details[data-embed-outline] li[id^="node-"]').count()).toBe(4)

    // Without options, a large frame keeps its minimap; a small one never spends itself on it.
    await p.goto(`${baseURL}/embed/${slug}`)
    await p.locator('.react-flow__node').first().waitFor()
    await expect.poll(() => p.locator('.react-flow__minimap').isVisible()).toBe(true)
    await p.setViewportSize({ width: 560, height: 320 })
    await expect.poll(() => p.locator('.react-flow__minimap').isVisible()).toBe(false)
    await reader.close()
  })

  test('unpublishing hides every version', async () => {
    await page.goto(`${baseURL}/maps/${mapId}/publish`)
    // The first click only explains what will stop working; the map stays published until the confirmation.
    await page.getByTestId('unpublish').click()
    await page.getByTestId('unpublish-consequences').waitFor()
    expect(await page.getByTestId('unpublish-consequences').textContent()).toMatch(/2 versions.*embed/s)
    expect((await fetch(`${baseURL}/p/${slug}`)).status).toBe(200)
    await page.getByTestId('confirm-unpublish').click()
    await page.getByTestId('unpublish').waitFor({ state: 'detached' })
    await expect.poll(async () => (await fetch(`${baseURL}/p/${slug}`)).status).toBe(404)
    expect((await fetch(`${baseURL}/p/${slug}/v/1`)).status).toBe(404)
    expect((await fetch(`${baseURL}/p/${slug}/v/2`)).status).toBe(404)
    expect((await fetch(`${baseURL}/embed/${slug}`)).status).toBe(404)
  })

  test('a stranger cannot reach the publish page', async () => {
    const res = await fetch(`${baseURL}/maps/${mapId}/publish`)
    expect(res.status).toBe(404)
  })
})

/** Server-rendered full outline entries (repeats are links, not entries). */
function outlineItems(html: string): number {
  return (html.match(/<li id="node-/g) ?? []).length
}

/** Whether an element is inside the viewport and inside its scrolling pane. */
function inView(p: Page, selector: string): Promise<boolean> {
  return p.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect()
    let pane: HTMLElement | null = el.parentElement
    while (pane && getComputedStyle(pane).overflowY !== 'auto') pane = pane.parentElement
    const bounds = pane ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight }
    return r.top >= Math.max(0, bounds.top) - 1 && r.top < Math.min(window.innerHeight, bounds.bottom)
  })
}
