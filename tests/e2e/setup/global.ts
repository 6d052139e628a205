import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildApp, startApp } from '../../../harness/app'
import { CHROMIUM_PATH } from '../support/browser'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    databaseUrl: string
  }
}

/**
 * Builds the production app and starts it exactly as `npm start` does, on a
 * free port and a fresh SQLite file. Fails loudly without Chromium.
 * CRUX_E2E_SKIP_BUILD=1 reuses an existing build (when only tests changed).
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`End-to-end tests need Debian's Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\``)
  }
  buildApp({ reuse: process.env.CRUX_E2E_SKIP_BUILD === '1' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crux-e2e-'))
  const databaseUrl = `file:${path.join(dir, 'e2e.db')}`
  const app = await startApp(databaseUrl, { PERSIST_DELAY_MS: '20' })
  project.provide('baseURL', app.url)
  project.provide('databaseUrl', databaseUrl)
  return async () => {
    await app.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
