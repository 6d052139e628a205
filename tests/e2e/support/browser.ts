import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Each Playwright wait gives up well inside the test's own timeout, so a step
 * that hangs fails with the locator it waited for instead of a bare "test
 * timed out" that names no step.
 */
const STEP_TIMEOUT_MS = 20_000

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  })
  // Every context, however a test makes it, gets the step timeout and a log of what its pages said.
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    recordConsole(context)
    return context
  }
  return browser
}

const contextLogs = new Map<BrowserContext, string[]>()

function recordConsole(context: BrowserContext): void {
  const log: string[] = []
  contextLogs.set(context, log)
  const at = () => new Date().toISOString().slice(11, 23)
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      log.push(`${at()} ${m.type()}: ${m.text()} (${m.page()?.url() ?? ''})`)
  })
  context.on('weberror', (e) => log.push(`${at()} page error: ${e.error().message}`))
  context.on('close', () => contextLogs.delete(context))
}

/** What each open page shows and said, for the report of a failed test. */
async function describeContexts(contexts: readonly BrowserContext[]): Promise<string> {
  const parts: string[] = []
  for (const [i, context] of contexts.entries()) {
    for (const page of context.pages()) {
      const state = await page
        .locator('[data-testid="connection-status"]')
        .getAttribute('data-state', { timeout: 1000 })
        .catch(() => 'none')
      parts.push(`context ${i}: ${page.url()} (connection: ${state})`)
    }
    parts.push(...(contextLogs.get(context) ?? []).slice(-20).map((l) => `  ${l}`))
  }
  return parts.join('\n')
}

/**
 * One Chromium for a test file, and the people (browser contexts) its tests
 * create, all closed after the file. Call at the top of a describe block.
 * When a test fails, its people's pages and console errors are printed.
 */
export function browserPerFile(): {
  readonly browser: Browser
  keep(...people: Array<{ context: BrowserContext }>): void
} {
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let testStart = 0
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      console.error(`[${task.name}] browser state after failing:\n${await describeContexts(contexts.slice(testStart))}`)
    }
    testStart = contexts.length
  })
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()))
    await browser?.close()
  })
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll')
      return browser
    },
    keep(...people) {
      contexts.push(...people.map((p) => p.context))
    },
  }
}
