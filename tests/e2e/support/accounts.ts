import type { Browser, BrowserContext, Page } from 'playwright-core'
import { openMap } from './editor'

/**
 * People and maps for end-to-end tests, made through the real pages (sign-up
 * form, home page, sharing page) so the tests also cover those flows. The app
 * and its database are shared by every file of a run: every name is unique.
 */

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`
}

export type Person = { context: BrowserContext; page: Page; name: string }

/** A fresh browser profile (own cookies, own websocket) with one tab. */
export async function newPerson(browser: Browser, baseURL: string, name: string): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  return { context, page, name }
}

export async function signUp(page: Page, account: { name: string; email?: string; password?: string }): Promise<void> {
  await page.goto('/signup')
  const form = page.getByTestId('signup-form')
  await form.getByLabel('Your name (shown to others)').fill(account.name)
  await form.getByLabel('Email').fill(account.email ?? `${unique('e2e')}@example.test`)
  await form.getByLabel(/^Password/).fill(account.password ?? 'correct horse battery staple')
  await form.getByRole('button', { name: 'Create account' }).click()
  await page.getByTestId('signed-in-as').filter({ hasText: account.name }).waitFor()
}

/** Creates a map from the home page's form; the app opens it. Returns its id. */
export async function createMap(page: Page, title: string): Promise<string> {
  await page.goto('/')
  await page.getByPlaceholder('Title of a new map').fill(title)
  await page.getByTestId('create-map').click()
  await page.waitForURL(/\/maps\/[^/]+$/)
  await page.getByTestId('map-editor').waitFor()
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
}

/** The owner creates a join code for `role` on the sharing page and reads it back. */
export async function createJoinCode(
  page: Page,
  mapId: string,
  role: 'viewer' | 'commenter' | 'editor',
): Promise<string> {
  await page.goto(`/maps/${mapId}/share`)
  const codes = page.getByTestId('join-code')
  const before = new Set(await codes.allTextContents())
  const form = page.getByRole('form', { name: 'Create a join code' })
  await form.getByLabel('Role granted').selectOption(role)
  await page.getByTestId('create-link').click()
  // The new code is the one that was not listed before, whatever the list order.
  await codes.nth(before.size).waitFor()
  const row = page
    .getByTestId('share-links')
    .locator('li')
    .filter({ hasText: `grants ${role}` })
  const code = (await row.getByTestId('join-code').allTextContents()).find((c) => !before.has(c))
  if (!code) throw new Error(`no new ${role} join code on the sharing page`)
  return code.trim()
}

/** The owner sets the map's own-work policy on the sharing page ([PA10]). */
export async function setOwnWork(page: Page, mapId: string, setting: 'off' | 'code' | 'editors'): Promise<void> {
  await page.goto(`/maps/${mapId}/share`)
  const form = page.getByRole('form', { name: 'Own-work settings' })
  await form.getByTestId('own-work-setting').selectOption(setting)
  await form.getByRole('button', { name: 'Save' }).click()
  // Saved once a fresh load of the page shows it (the action re-renders the page when done).
  for (let tries = 0; ; tries++) {
    await page.waitForLoadState('networkidle')
    await page.reload()
    if ((await page.getByTestId('own-work-setting').inputValue()) === setting) return
    if (tries > 20) throw new Error(`the own-work setting did not become ${setting}`)
  }
}

/** A guest (no account) joins through /join with a code and lands in the editor. */
export async function joinWithCode(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join?code=${encodeURIComponent(code)}`)
  const form = page.getByTestId('join-form')
  await form.getByLabel('Your name (shown to others)').fill(name)
  await form.getByRole('button', { name: 'Join' }).click()
  await page.getByTestId('map-editor').waitFor()
}

/** Opens a map that is open to anyone, through the "Your name" form a visitor without a session gets. */
export async function openAsGuest(page: Page, mapId: string, name: string): Promise<void> {
  await page.goto(`/maps/${mapId}`)
  const form = page.getByTestId('guest-name-form')
  await form.getByLabel('Your name').fill(name)
  await form.getByRole('button', { name: 'Open the map' }).click()
  await page.getByTestId('map-editor').waitFor()
}

/**
 * Two people on one new map: an owner with an account, who made the map, and
 * a guest who joined with a join code for `role`. Both end up in the editor.
 * `prepare` runs on the guest's browser context before its page opens anything.
 */
export async function ownerAndGuest(
  browser: Browser,
  baseURL: string,
  role: 'viewer' | 'commenter' | 'editor',
  prepare?: (guest: BrowserContext) => Promise<void>,
): Promise<{ owner: Person; guest: Person; mapId: string }> {
  const owner = await newPerson(browser, baseURL, unique('Ana'))
  await signUp(owner.page, { name: owner.name })
  const mapId = await createMap(owner.page, unique('Shared map'))
  const code = await createJoinCode(owner.page, mapId, role)
  // These two edit each other's nodes: the own-work policy code joiners get by default ([PA10]) is off here.
  if (role === 'editor') await setOwnWork(owner.page, mapId, 'off')
  const guest = await newPerson(browser, baseURL, unique('Ben'))
  await prepare?.(guest.context)
  await joinWithCode(guest.page, code, guest.name)
  await openMap(owner.page, mapId)
  return { owner, guest, mapId }
}
