import fs from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page } from 'playwright-core'

/**
 * People for the security end-to-end tests: real accounts made through the
 * real sign-up form in Chromium, whose cookies then serve raw HTTP calls
 * (`context.request` shares the browser context's cookie jar).
 */
export interface Account {
  context: BrowserContext
  page: Page
  request: APIRequestContext
  name: string
  email: string
}

let counter = 0
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 6)}`

export async function signUp(
  browser: Browser,
  baseURL: string,
  name = `Tester ${unique()}`,
  extraHTTPHeaders?: Record<string, string>,
): Promise<Account> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders })
  const page = await context.newPage()
  const email = `sec-${unique()}@example.test`
  await page.goto('/signup')
  await page.getByLabel('Your name (shown to others)').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password (10 characters or more)').fill('correct horse battery staple')
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.locator('form button[type=submit]').click()])
  return { context, page, request: context.request, name, email }
}

/** A guest: visits an open map and gives a name in the guest form. */
export async function guestOnOpenMap(browser: Browser, baseURL: string, mapId: string, name: string): Promise<Account> {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await page.goto(`/maps/${mapId}`)
  await page.getByTestId('guest-name-form').getByLabel('Your name').fill(name)
  await Promise.all([page.waitForURL(`**/maps/${mapId}`), page.getByRole('button', { name: 'Open the map' }).click()])
  return { context, page, request: context.request, name, email: '' }
}

/** Creates a map through the home page form; returns its id. */
export async function createMap(account: Account, title: string): Promise<string> {
  const { page } = account
  await page.goto('/')
  await page.locator('#new-map-title').fill(title)
  await Promise.all([page.waitForURL(/\/maps\/[A-Za-z0-9_-]+$/), page.getByTestId('create-map').click()])
  return new URL(page.url()).pathname.split('/').pop()!
}

// ---- server actions over raw HTTP ------------------------------------------------

interface ManifestEntry {
  exportedName?: string
  filename?: string
  workers: Record<string, unknown>
}

/** The id Next gave a server action in this build (read from the build's own manifest). */
export function actionId(file: string, exportedName: string): string {
  const dist = process.env.NEXT_DIST_DIR || '.next'
  const manifestPath = path.resolve(import.meta.dirname, '../../..', dist, 'server/server-reference-manifest.json')
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { node: Record<string, ManifestEntry> }
  const hit = Object.entries(manifest.node).find(([, e]) => e.exportedName === exportedName && e.filename === file)
  if (!hit) throw new Error(`no server action ${exportedName} in ${file} in ${manifestPath}`)
  return hit[0]
}

/** Calls an action the way React does for `action(arg1, arg2)`: JSON-encoded arguments, `Next-Action` header. */
export function callAction(
  request: APIRequestContext,
  pagePath: string,
  id: string,
  args: unknown[],
  origin: string,
): Promise<APIResponse> {
  return request.post(pagePath, {
    headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin },
    data: JSON.stringify(args),
    maxRedirects: 0,
  })
}

/** Posts a form to an action exactly as a browser without JavaScript (or a hostile page) would. */
export function postFormAction(
  request: APIRequestContext,
  pagePath: string,
  id: string,
  fields: Record<string, string>,
  origin: string,
): Promise<APIResponse> {
  return request.post(pagePath, {
    headers: { origin },
    multipart: { [`$ACTION_ID_${id}`]: '', ...fields },
    maxRedirects: 0,
  })
}
