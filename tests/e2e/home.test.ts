import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { launchBrowser } from './support/browser'
import { createMap, newPerson, signUp, unique } from './support/accounts'

/** The home page: the list of maps, and an owner's create / rename / delete. */
describe('home page', () => {
  const baseURL = inject('baseURL')
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('lists the seed maps to a visitor, who is asked to sign in before creating one', async () => {
    const { context, page } = await newPerson(browser, baseURL, 'visitor')
    await page.goto('/')
    await expect
      .poll(() => page.getByTestId('map-link').allTextContents())
      .toEqual(expect.arrayContaining(['No grey zones']))
    expect(await page.getByTestId('create-map').count()).toBe(0)
    await context.close()
  })

  test('an account creates a map that opens, renames it in the list, keeps it on "Keep", deletes it on confirmation', async () => {
    const owner = await newPerson(browser, baseURL, unique('Owner'))
    const { page } = owner
    await signUp(page, { name: owner.name })

    const title = unique('Budget map')
    const id = await createMap(page, title)
    await expect.poll(() => page.locator('.crux-title').textContent()).toBe(title)

    await page.goto('/')
    const row = page.locator(`[data-testid="map-row"][data-map-id="${id}"]`)
    await expect.poll(() => row.getByTestId('map-link').textContent()).toBe(title)

    // Rename: Cancel first leaves the title alone, then Save changes it.
    await row.getByRole('button', { name: `Rename ${title}` }).click()
    await row.getByLabel('New title').fill('never saved')
    await row.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => row.getByTestId('map-link').textContent()).toBe(title)

    const renamed = unique('Renamed map')
    await row.getByRole('button', { name: `Rename ${title}` }).click()
    await row.getByLabel('New title').fill(renamed)
    await row.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => row.getByTestId('map-link').textContent()).toBe(renamed)
    // The list is rendered on the server: a fresh load must show the stored title.
    await page.reload()
    await expect.poll(() => row.getByTestId('map-link').textContent()).toBe(renamed)

    // The editor's title comes from the map's document, which the rename also updated.
    await row.getByTestId('map-link').click()
    await page.getByTestId('map-editor').waitFor()
    await expect.poll(() => page.locator('.crux-title').textContent()).toBe(renamed)

    await page.goto('/')
    await row.getByRole('button', { name: `Delete ${renamed}` }).click()
    const confirm = row.getByRole('alertdialog', { name: `Delete ${renamed}?` })
    await expect.poll(() => confirm.textContent()).toContain('Delete for everyone?')
    await confirm.getByRole('button', { name: 'Keep' }).click()
    await expect.poll(() => confirm.count()).toBe(0)
    await page.reload()
    await expect.poll(() => row.count()).toBe(1)

    await row.getByRole('button', { name: `Delete ${renamed}` }).click()
    await row.getByTestId('confirm-delete').click()
    await expect.poll(() => row.count()).toBe(0)
    await page.reload()
    await page.getByTestId('signed-in-as').waitFor()
    expect(await row.count()).toBe(0)
    // Gone for good: its address no longer opens an editor.
    const res = await page.goto(`/maps/${id}`)
    expect(res?.status()).toBe(404)
    await owner.context.close()
  })

  test('every page has a favicon: no 404 for /favicon.ico, and an icon link in the head', async () => {
    const ico = await fetch(`${baseURL}/favicon.ico`)
    expect(ico.status).toBe(200)
    expect(ico.headers.get('content-type')).toMatch(/icon/)
    const { context, page } = await newPerson(browser, baseURL, 'visitor')
    const missing: string[] = []
    page.on('response', (res) => res.status() === 404 && missing.push(res.url()))
    await page.goto('/')
    await page.waitForLoadState('networkidle')
    expect(await page.locator('head link[rel="icon"]').count()).toBeGreaterThan(0)
    expect(missing).toEqual([])
    await context.close()
  })
})
