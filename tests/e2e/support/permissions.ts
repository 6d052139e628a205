import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchBrowser } from './browser'
import { createMap, signUp, type Account } from './securityPeople'

/**
 * [PH1]–[PH5] [PR9]: every HTTP entry point against the production build,
 * called by people without the right role. Refusals are checked by their
 * effect (the map is unchanged, seen through the owner's eyes), and each
 * kind of call has a control case where the right person succeeds the same
 * way, so a refusal cannot pass merely because the request was malformed.
 *
 * The people and the map the tests/e2e/http-permissions-*.test.ts files share:
 * a file calls `permissionsTarget()` once at its top, and the bindings below
 * (live ES module bindings) hold that file's own browser, people and map once
 * its beforeAll has run.
 */
export const baseURL = inject('baseURL')
export const EVIL = 'https://evil.example'

export let browser: Browser
export let owner: Account
export let viewer: Account
export let stranger: Account
export let mapId: string

/** Registers the file's setup: an owner, a viewer (joined by a join code), a stranger and the owner's private map. */
export function permissionsTarget(): void {
  beforeAll(async () => {
    browser = await launchBrowser()
    ;[owner, viewer, stranger] = await Promise.all([
      signUp(browser, baseURL),
      signUp(browser, baseURL),
      signUp(browser, baseURL),
    ])
    mapId = await createMap(owner, 'Permissions target')
    await grantViaJoinCode(owner, viewer, mapId, 'viewer')
  })
  afterAll(async () => {
    await browser?.close()
  })
}

/** The owner makes a join code on the share page; the other person redeems it on /join. */
async function grantViaJoinCode(
  from: Account,
  to: Account,
  id: string,
  role: 'viewer' | 'commenter' | 'editor',
): Promise<void> {
  await from.page.goto(`/maps/${id}/share`)
  await from.page.getByLabel('Role granted').selectOption(role)
  const before = await from.page.getByTestId('join-code').count()
  await from.page.getByTestId('create-link').click()
  await from.page.getByTestId('join-code').nth(before).waitFor()
  const code = await from.page.getByTestId('join-code').last().innerText()
  await to.page.goto(`/join?code=${encodeURIComponent(code)}`)
  await to.page.getByLabel('Your name (shown to others)').fill(to.name)
  await Promise.all([
    to.page.waitForURL(`**/maps/${id}`),
    to.page.getByTestId('join-form').locator('button[type=submit]').click(),
  ])
}

/** The role the token route gives `who` on the map, or the refusal's status. */
export async function tokenRole(who: Account, id = mapId): Promise<number | string> {
  const res = await who.request.get(`/api/maps/${id}/token`)
  return res.status() === 200 ? ((await res.json()) as { role: string }).role : res.status()
}

/** A fresh browser context with no session: an anonymous caller. */
export async function anonymous() {
  const context = await browser.newContext({ baseURL })
  return { context, request: context.request }
}
