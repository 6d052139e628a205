import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { connectClient, type Client } from '../../harness/syncHarness'
import { launchBrowser } from './support/browser'
import { createMap, signUp, type Account } from './support/securityPeople'

/**
 * [PH7] Node text, evidence quotes and speakers, map titles and display
 * names are rendered as text. Every payload goes into each of those places;
 * in Chromium none of them runs a script (the `window.__xss` canary stays
 * unset), opens a dialog or becomes an element, and each payload is visible
 * literally, so a test that dropped the text could not pass.
 */
const baseURL = inject('baseURL')
const PAYLOADS = fs
  .readFileSync(path.resolve(import.meta.dirname, '../fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
// Display names are at most 60 characters without control or bidi characters (DisplayNameSchema).
const OWNER_NAME = '<img src=x onerror="window.__xss=1;alert(1)">'
const GUEST_NAME = '<svg onload="window.__xss=3;alert(3)">'
const CONTENT_TITLE = '</title><script>window.__xss=22</script>'

let browser: Browser
let owner: Account
let guest: Account
let writer: Client
let contentMapId: string
const titledMaps: string[] = []

interface Watch {
  dialogs: string[]
  cspReports: string[]
  pageErrors: string[]
}

/** Records what would betray a payload running: dialogs (dismissed), CSP refusals, page errors. */
function watch(page: Page): Watch {
  const w: Watch = { dialogs: [], cspReports: [], pageErrors: [] }
  page.on('dialog', (d) => {
    w.dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) w.cspReports.push(m.text())
  })
  page.on('pageerror', (e) => w.pageErrors.push(String(e)))
  return w
}

/** Nothing ran, and no payload turned into an element. */
async function expectInert(page: Page, w: Watch, where: string): Promise<void> {
  // onerror/onload/ontoggle handlers fire within a tick or two of insertion; give them time.
  await page.waitForTimeout(750)
  const canary = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)
  const injected = await page.evaluate(
    () =>
      document.querySelectorAll(
        'img[src="x"], svg[onload], iframe[srcdoc], details[ontoggle], input[onfocus], object[data^="javascript"], embed[src^="data"], base[href^="javascript"], a[href^="javascript"], meta[http-equiv]',
      ).length,
  )
  if (w.cspReports.length > 0) console.info(`[xss] CSP reports on ${where}:`, w.cspReports)
  expect({ where, canary, injected, dialogs: w.dialogs }).toEqual({
    where,
    canary: undefined,
    injected: 0,
    dialogs: [],
  })
}

beforeAll(async () => {
  browser = await launchBrowser()
  owner = await signUp(browser, baseURL, OWNER_NAME)
  for (const p of PAYLOADS) titledMaps.push(await createMap(owner, p))
  contentMapId = await createMap(owner, CONTENT_TITLE)

  // The content goes in through the real websocket, exactly as another editor's browser would send it.
  const res = await owner.request.get(`/api/maps/${contentMapId}/token`)
  const { token } = (await res.json()) as { token: string }
  const wsBase = `${baseURL.replace(/^http/, 'ws')}/ws`
  writer = connectClient(wsBase, contentMapId, new Y.Doc(), { token }, { origin: baseURL })
  await writer.synced
  const me = localOrigin()
  PAYLOADS.forEach((p, i) => {
    const x = (i % 6) * 320
    const y = Math.floor(i / 6) * 420
    addNode(writer.doc, { id: `t${i}`, kind: 'claim', text: p, x, y, pinned: true }, me)
    addNode(
      writer.doc,
      { id: `e${i}`, kind: 'evidence', text: p, quote: p, speaker: p, x: x + 10, y: y + 180, pinned: true },
      me,
    )
  })
  await new Promise((r) => setTimeout(r, 300))

  // A second person, a guest whose display name is a payload, joins with a code.
  await owner.page.goto(`/maps/${contentMapId}/share`)
  await owner.page.getByLabel('Role granted').selectOption('editor')
  await owner.page.getByTestId('create-link').click()
  await owner.page.getByTestId('join-code').first().waitFor()
  const code = await owner.page.getByTestId('join-code').first().innerText()
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await page.goto(`/join?code=${encodeURIComponent(code)}`)
  await page.getByLabel('Your name (shown to others)').fill(GUEST_NAME)
  await Promise.all([
    page.waitForURL(`**/maps/${contentMapId}`),
    page.getByTestId('join-form').locator('button[type=submit]').click(),
  ])
  guest = { context, page, request: context.request, name: GUEST_NAME, email: '' }
}, 600_000)

afterAll(async () => {
  writer?.destroy()
  await browser?.close()
})

describe('XSS payloads render as text', () => {
  test(`[PH7] the payload list has at least 30 entries`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30)
    expect(readGraph(writer.doc).nodes).toHaveLength(PAYLOADS.length * 2)
  })

  test("[PH7] home page: every payload map title and the owner's payload name are shown literally, and nothing runs", async () => {
    const page = await owner.context.newPage()
    const w = watch(page)
    await page.goto('/')
    await expectInert(page, w, 'home')
    const text = await page.evaluate(() => document.body.innerText)
    for (const p of [...PAYLOADS, CONTENT_TITLE]) expect(text, `title ${p}`).toContain(p.trim())
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(OWNER_NAME)
    await page.close()
  })

  test('[PH7] editor: node text, quotes, speakers and presence names are literal text, and nothing runs', async () => {
    const page = await owner.context.newPage()
    const w = watch(page)
    await page.goto(`/maps/${contentMapId}`)
    await page.getByTestId('map-editor').waitFor()
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('node-text').count(), { timeout: 20_000 }).toBe(PAYLOADS.length * 2)
    const texts = await page.getByTestId('node-text').allTextContents()
    const quotes = await page.getByTestId('node-quote').allTextContents()
    for (const p of PAYLOADS) {
      expect(
        texts.filter((t) => t.trim() === p.trim()),
        `node text ${p}`,
      ).toHaveLength(2)
      expect(quotes, `quote ${p}`).toContain(`“${p}”`)
    }
    const body = await page.evaluate(() => document.body.innerText)
    for (const p of PAYLOADS) expect(body, `speaker ${p}`).toContain(p.trim())
    // The guest (payload name) is on the map too: presence shows both names as text.
    await guest.page.goto(`/maps/${contentMapId}`)
    await expect
      .poll(() => page.getByTestId('presence-user').allTextContents(), { timeout: 20_000 })
      .toContain(GUEST_NAME)
    expect(await page.getByTestId('presence-user').allTextContents()).toContain(`${OWNER_NAME} (you)`)
    // Selecting evidence puts the payloads into the inspector's fields as values, not markup.
    await page.locator('.react-flow__node[data-id="e1"]').click()
    await expect.poll(() => page.getByTestId('inspector-quote').inputValue()).toBe(PAYLOADS[1])
    expect(await page.getByTestId('inspector-speaker').inputValue()).toBe(PAYLOADS[1])
    await expectInert(page, w, 'editor (owner)')
    await page.close()
  })

  test("[PH7] the guest sees the owner's payload name in presence, and nothing runs for them either", async () => {
    const w = watch(guest.page)
    await guest.page.reload()
    await guest.page.getByTestId('map-editor').waitFor()
    const ownerTab = await owner.context.newPage()
    await ownerTab.goto(`/maps/${contentMapId}`)
    await expect
      .poll(() => guest.page.getByTestId('presence-user').allTextContents(), { timeout: 20_000 })
      .toContain(OWNER_NAME)
    await expectInert(guest.page, w, 'editor (guest)')
    await ownerTab.close()
  })

  test('[PH7] share page: the payload map title and payload member names are literal, and nothing runs', async () => {
    const page = await owner.context.newPage()
    const w = watch(page)
    await page.goto(`/maps/${contentMapId}/share`)
    await expectInert(page, w, 'share')
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Sharing “${CONTENT_TITLE}”`)
    const members = await page.getByTestId('members').innerText()
    expect(members).toContain(OWNER_NAME)
    expect(members).toContain(GUEST_NAME)
    await page.close()
  })

  test('[PH7] every payload-titled map opens in the editor with its title as text, and nothing runs', async () => {
    const page = await owner.context.newPage()
    const w = watch(page)
    for (const [i, id] of titledMaps.entries()) {
      await page.goto(`/maps/${id}`)
      await page.getByTestId('map-editor').waitFor()
      const text = await page.evaluate(() => document.body.innerText + '\n' + document.title)
      expect(text, `title ${PAYLOADS[i]}`).toContain(PAYLOADS[i]!.trim())
      // The canary lives on the window, which every navigation replaces: check each page.
      await expectInert(page, w, `editor of map titled ${PAYLOADS[i]}`)
    }
    await page.close()
  }, 300_000)
})
