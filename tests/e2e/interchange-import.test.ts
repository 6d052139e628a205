import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { IMPORT_SIZE_MESSAGE } from '@/core/convert/importLimits'
import { launchBrowser } from './support/browser'
import { signUp, type Account } from './support/securityPeople'

/**
 * Importing real files and too-big files against the production build: the
 * server's answers over HTTP and the upload form in Chromium.
 */
const baseURL = inject('baseURL')
const corpus = (p: string) => readFileSync(path.join(import.meta.dirname, '../fixtures', p), 'utf8')

let browser: Browser
let person: Account

beforeAll(async () => {
  browser = await launchBrowser()
  person = await signUp(browser, baseURL)
})
afterAll(async () => {
  await browser?.close()
})

const post = (data: unknown) => person.request.post('/api/maps/import', { data, headers: { origin: baseURL } })
const exportOf = async (id: string, format: string) =>
  (await person.request.get(`/api/maps/${id}/export?format=${format}`)).text()

describe('POST /api/maps/import with real files', () => {
  test('[AD9] legalisation-softdrugs.argdown, which @argdown/core accepts, is imported with its undercut reported', async () => {
    const res = await post({ format: 'argdown', text: corpus('argdown/corpus/legalisation-softdrugs.argdown') })
    expect(res.status()).toBe(200)
    const body = (await res.json()) as { id: string; warnings: { message: string; at: string }[] }
    expect(body.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/<Argument from addiction> supports nothing.*imported as an attack on it/),
    ])
    const argdown = await exportOf(body.id, 'argdown')
    // [AD12] Titles as written, no escapes Argdown does not need.
    expect(argdown).toContain('<No harm, no ban>')
    expect(argdown).toContain('[Legalisation of Soft Drugs]: Soft drugs should be legal.')
  })

  test('[AF1] an AIFdb nodeset keeps its propositions and forces through import and AIF export', async () => {
    const res = await post({ format: 'aif', text: '\uFEFF' + corpus('aif/corpus/aifdb-6064.json') })
    expect(res.status()).toBe(200)
    const { id } = (await res.json()) as { id: string }
    const aif = JSON.parse(await exportOf(id, 'aif')) as { nodes: { type: string; text: string }[] }
    expect(aif.nodes.filter((n) => n.type === 'I').map((n) => n.text)).toContain('McMillan was / was not wrong')
    expect(aif.nodes.filter((n) => n.type === 'YA').map((n) => n.text)).toEqual(
      expect.arrayContaining(['Pure Questioning', 'Popular Conceding']),
    )
    const ova = JSON.parse(await exportOf(id, 'ova3')) as { AIF: unknown; OVA: { nodes: unknown[] } }
    expect(ova.OVA.nodes.length).toBeGreaterThan(0)
  })
})

describe('[AF5] every too-big upload gets the size message', () => {
  test.each([
    ['6 MB of text (a body Next reads whole)', 6_000_000, 400],
    ['10.5 MB (over the body limit, refused before it is read)', 10_500_000, 413],
    ['12 MB', 12_000_000, 413],
  ])('%s', async (_label, size, status) => {
    const res = await post({ format: 'aif', text: 'x'.repeat(size) })
    expect(res.status()).toBe(status)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(IMPORT_SIZE_MESSAGE)
  })

  test('the upload form refuses a 6 MB file before sending anything', async () => {
    const page = person.page
    const sent: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/api/maps/import')) sent.push(r.url())
    })
    await page.goto('/maps/import')
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'big.aif.json', mimeType: 'application/json', buffer: Buffer.alloc(6_000_000, 32) })
    await expect.poll(() => page.getByTestId('import-errors').textContent()).toContain(IMPORT_SIZE_MESSAGE)
    // The message is shown from the form's own check; the request log proves nothing left the page.
    await page.getByTestId('import-text').fill('[Small]: a file that fits')
    await page.getByTestId('import-format').selectOption('argdown')
    await Promise.all([page.waitForURL(/\/maps\/[A-Za-z0-9_-]+$/), page.getByTestId('import-submit').click()])
    expect(sent).toHaveLength(1)
  })
})

describe('[AD9] the import summary', () => {
  test("Argdown's spec input imports and lists each undercut it had to map, then opens the map", async () => {
    const page = person.page
    await page.goto('/maps/import')
    await page.getByTestId('import-text').fill('[A]: A\n  _> <B>\n\n<B>\n  <_ [D]\n')
    await page.getByTestId('import-format').selectOption('argdown')
    await page.getByTestId('import-submit').click()
    await page.getByTestId('import-summary').waitFor()
    const items = await page.getByTestId('import-warning').allTextContents()
    expect(items).toHaveLength(2)
    for (const item of items) expect(item).toMatch(/<B> supports nothing.*imported as an attack on it/)
    await Promise.all([page.waitForURL(/\/maps\/[A-Za-z0-9_-]+$/), page.getByTestId('import-open').click()])
  })
})
