import { execFileSync } from 'node:child_process'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { createServices } from '@/server/app/services'
import { SESSION_COOKIE } from '@/server/auth/sessions'
import { parseEnv } from '@/server/env'
import { person, privateMap } from '../server/security/realServer'
import { startApp, type RunningApp } from '../../harness/app'
import { freshSqliteDb } from '../../harness/db'
import { connectClient, eventually, type Client } from '../../harness/syncHarness'
import { claim } from '../support/graph'
import { alive } from '../support/processes'

/**
 * [SY11] `npm start` runs the sync tier and Next as two processes. What each one's death does to the other:
 * Next's process never outlives the sync process, and the sync process goes on without Next's.
 */
const SECRET = 'sync-process-secret-long-enough-for-hs256!'
/** Next's process: the sync process's child running server/next/child.ts. */
function pagesPid(app: RunningApp): number {
  const pid = Number(
    execFileSync('pgrep', ['-P', String(app.pid), '-f', 'server/next/child.ts'])
      .toString()
      .trim(),
  )
  if (!pid) throw new Error("no Next process under the app's")
  return pid
}

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function appWithMap() {
  const sqlite = freshSqliteDb()
  cleanups.push(() => sqlite.dispose())
  const setup = await createServices(parseEnv({ DATABASE_URL: sqlite.url, AUTH_SECRET: SECRET }))
  const owner = await person(setup)
  const mapId = await privateMap(setup, owner)
  const { token: session } = await setup.sessions.create(owner.id)
  await setup.close()
  const app = await startApp(sqlite.url, { AUTH_SECRET: SECRET, SEED_ON_START: 'false' })
  cleanups.push(() => app.stop())
  return { app, mapId, cookie: `${SESSION_COOKIE}=${session}` }
}

test('[SY11] a kill -9 of the sync process takes Next’s process with it: nothing is left serving', async () => {
  const { app } = await appWithMap()
  const pages = pagesPid(app)
  expect(alive(pages)).toBe(true)
  process.kill(app.pid, 'SIGKILL')
  await eventually(() => !alive(pages), "Next's process ended after the sync process's death", 10_000)
}, 180_000)

test('[SY11] with Next’s process killed, tokens, sockets and health go on, pages say what is wrong, and Next comes back', async () => {
  const { app, mapId, cookie } = await appWithMap()
  const token = async () => {
    const res = await fetch(`${app.url}/api/maps/${mapId}/token`, { headers: { cookie } })
    return { status: res.status, body: (await res.json()) as { token?: string; role?: string } }
  }
  // Control: with both processes up, pages and the token answer.
  expect((await fetch(`${app.url}/`)).status).toBe(200)
  expect((await token()).body.role).toBe('owner')

  const pages = pagesPid(app)
  process.kill(pages, 'SIGKILL')
  await eventually(() => !alive(pages), "Next's process is gone", 10_000)

  const page = await fetch(`${app.url}/`)
  expect(page.status).toBe(502)
  expect(await page.text()).toMatch(/pages are not answering/i)
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200)
  const fresh = await token()
  expect(fresh.status).toBe(200)
  // A stranger still gets no token from the sync process: its check is the route's.
  expect((await fetch(`${app.url}/api/maps/${mapId}/token`)).status).toBe(401)

  const wsBase = `${app.url.replace(/^http/, 'ws')}/ws`
  const clients: Client[] = [0, 1].map(() =>
    connectClient(wsBase, mapId, new Y.Doc(), { token: fresh.body.token! }, { origin: app.url }),
  )
  cleanups.push(() => clients.forEach((c) => c.destroy()))
  await Promise.all(clients.map((c) => c.synced))
  addNode(clients[0]!.doc, claim('written-without-next'), localOrigin())
  await eventually(
    () => readGraph(clients[1]!.doc).nodes.some((n) => n.id === 'written-without-next'),
    'an edit reached the other client with Next down',
  )

  // The sync process starts Next again by itself; pages answer once it is back, with a new process.
  await expect
    .poll(async () => (await fetch(`${app.url}/`).catch(() => null))?.status, { timeout: 60_000, interval: 250 })
    .toBe(200)
  expect(pagesPid(app)).not.toBe(pages)
}, 180_000)

test('[SY11] [PH1] the token the sync process answers refuses hostile addresses and cookies in words, and serves on', async () => {
  const { app, mapId, cookie } = await appWithMap()
  const status = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}${path}`, { headers })
    const body = (await res.json()) as { error?: { code: string; message: string } }
    return { status: res.status, code: body.error?.code }
  }
  expect(await status('/api/maps/%E0%A4%A/token', { cookie })).toEqual({ status: 400, code: 'bad_params' })
  expect(await status(`/api/maps/${'x'.repeat(5000)}/token`, { cookie })).toEqual({ status: 400, code: 'bad_params' })
  expect(await status(`/api/maps/${mapId}/token`, { cookie: 'crux_session=%E0%A4%A' })).toEqual({
    status: 401,
    code: 'unauthenticated',
  })
  expect(await status(`/api/maps/no-such-map/token`, { cookie })).toMatchObject({ status: 404 })
  // Control: the same person with a well-formed request gets the token, and the process is alive.
  expect((await fetch(`${app.url}/api/maps/${mapId}/token`, { headers: { cookie } })).status).toBe(200)
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200)
}, 180_000)
