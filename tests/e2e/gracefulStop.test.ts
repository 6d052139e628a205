import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { createServices } from '@/server/app/services'
import { createDb } from '@/server/db/client'
import { parseEnv } from '@/server/env'
import { createPrismaStore } from '@/server/store/prismaStore'
import { person, privateMap, tokenFor } from '../server/security/realServer'
import { freePort } from '../../harness/app'
import { freshSqliteDb } from '../../harness/db'
import { connectClient, eventually, type Client } from '../../harness/syncHarness'
import { claim } from '../support/graph'
import { alive } from '../support/processes'

/**
 * [DU5] `npm start` as a container runtime runs it, stopped with SIGTERM
 * while stock clients are connected and edits wait in the group-commit
 * window: the process exits within 5 s and the database has every edit the
 * server relayed. Signalled both through npm and straight at the node process.
 */
const root = path.resolve(import.meta.dirname, '../..')
const me = localOrigin()
const SECRET = 'graceful-stop-secret-long-enough-for-hs256!'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

test.each(['npm', 'node'] as const)(
  '[DU5] SIGTERM to the %s process with clients connected exits within 5 s and loses nothing',
  async (target) => {
    const sqlite = freshSqliteDb()
    cleanups.push(() => sqlite.dispose())
    // The map and its owner, made through the app's own services, which then let go of the file.
    const setup = await createServices(parseEnv({ DATABASE_URL: sqlite.url, AUTH_SECRET: SECRET }))
    const owner = await person(setup)
    const mapId = await privateMap(setup, owner)
    const token = await tokenFor(setup, owner, mapId, 'owner')
    await setup.close()

    const port = await freePort()
    // A long window: without a flush on stop, every edit below would still be in memory.
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: sqlite.url,
        AUTH_SECRET: SECRET,
        SEED_ON_START: 'false',
        PERSIST_DELAY_MS: '3000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    npm.stdout!.on('data', (c: Buffer) => (log += c))
    npm.stderr!.on('data', (c: Buffer) => (log += c))
    const exited = new Promise<number>((r) => npm.once('exit', () => r(Date.now())))
    cleanups.push(() => npm.exitCode === null && npm.kill('SIGKILL'))
    await eventually(() => /ready on/.test(log), `npm start ready:\n${log}`, 120_000)
    const nodePid = Number(
      execFileSync('pgrep', ['-P', String(npm.pid)])
        .toString()
        .trim()
        .split('\n')[0],
    )
    cleanups.push(() => alive(nodePid) && process.kill(nodePid, 'SIGKILL'))

    const wsBase = `ws://127.0.0.1:${port}/ws`
    const origin = `http://127.0.0.1:${port}`
    const clients: Client[] = [0, 1, 2].map(() => connectClient(wsBase, mapId, new Y.Doc(), { token }, { origin }))
    cleanups.push(() => clients.forEach((c) => c.destroy()))
    await Promise.all(clients.map((c) => c.synced))
    const [writer, ...watchers] = clients
    const written: string[] = []
    for (let i = 0; i < 50; i++) {
      addNode(writer!.doc, claim(`n${i}`), me)
      written.push(`n${i}`)
    }
    // The server relayed them all: they are in its memory, inside the 3 s window.
    await eventually(() => watchers.every((w) => readGraph(w.doc).nodes.length === 50), 'relayed to watchers')

    const signalledAt = Date.now()
    process.kill(target === 'npm' ? npm.pid! : nodePid, 'SIGTERM')
    const exitAt = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(Infinity), 10_000))])
    expect(exitAt - signalledAt, log).toBeLessThan(5000)
    await eventually(() => !alive(nodePid), 'the node process is gone too (not orphaned)', 2000)

    const reader = createDb(sqlite.url)
    try {
      const doc = new Y.Doc()
      for (const u of (await createPrismaStore(reader).load(mapId)).updates) Y.applyUpdate(doc, u)
      expect(
        readGraph(doc)
          .nodes.map((n) => n.id)
          .sort(),
      ).toEqual(written.sort())
    } finally {
      await reader.$disconnect()
    }
  },
  180_000,
)
