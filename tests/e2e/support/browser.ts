import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * One Chromium for a test file, and the people (browser contexts) its tests
 * create, all closed after the file. Call at the top of a describe block.
 */
export function browserPerFile(): { readonly browser: Browser; keep(...people: Array<{ context: BrowserContext }>): void } {
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
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
