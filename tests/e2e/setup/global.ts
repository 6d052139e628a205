import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_PATH } from '../support/browser'

const root = path.resolve(import.meta.dirname, '../../..')

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    databaseUrl: string
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/**
 * Builds the production app and starts it exactly as `npm start` does, on a
 * free port and a fresh SQLite file. Fails loudly without Chromium.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`End-to-end tests need Debian's Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\``)
  }
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (process.env.CRUX_E2E_SKIP_BUILD !== '1' || !fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    execFileSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crux-e2e-'))
  const databaseUrl = `file:${path.join(dir, 'e2e.db')}`
  const port = await freePort()
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PERSIST_DELAY_MS: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const baseURL = await waitForReady(child)
  project.provide('baseURL', baseURL)
  project.provide('databaseUrl', databaseUrl)
  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = ''
    const timer = setTimeout(() => reject(new Error(`app did not start within 120 s:\n${log}`)), 120_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const m = /ready on (http:\/\/\S+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!.replace('localhost', '127.0.0.1'))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`app exited with ${code} before it was ready:\n${log}`))
    })
  })
}
