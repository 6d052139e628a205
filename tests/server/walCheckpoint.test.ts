import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createSqliteStore, type SqliteStore } from '@/server/store/sqliteStore'
import { freshSqliteDb } from '../../harness/db'

/**
 * [ST9] SQLite checkpoints run in a worker thread: the store's own connection never checkpoints inside a
 * commit, and the WAL still stays bounded under a steady write load because the worker copies it back.
 */
const disposers: Array<() => unknown> = []
afterEach(async () => {
  for (const d of disposers.splice(0).reverse()) await d()
})

async function storeWithMap() {
  const t = freshSqliteDb()
  disposers.push(() => t.dispose())
  const meta = await t.db.map.create({ data: { id: 'wal-map', title: 'WAL' } })
  const store: SqliteStore = createSqliteStore(t.url, { busyTimeoutMs: 5, checkpointEveryMs: 100 })
  disposers.push(() => store.close())
  return { store, mapId: meta.id, file: t.file }
}

const walBytes = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0)
/** One megabyte of updates in 64 appends, as a busy room writes them. */
async function writeMegabyte(store: SqliteStore, mapId: string): Promise<void> {
  const chunk = new Uint8Array(16 * 1024).fill(7)
  await Promise.all(Array.from({ length: 64 }, () => store.append(mapId, [chunk])))
}

describe('[ST9] checkpoints off the event loop', () => {
  test('the WAL stays bounded under 20 MB of writes: the worker copies it back between bursts', async () => {
    const { store, mapId, file } = await storeWithMap()
    let largest = 0
    for (let burst = 0; burst < 20; burst++) {
      await writeMegabyte(store, mapId)
      largest = Math.max(largest, walBytes(file))
      const passesBefore = store.checkpointer.passes.length
      // Wait for a pass that found everything copied, so the next burst restarts the WAL from its start.
      await expect
        .poll(
          () => {
            const last = store.checkpointer.passes.at(-1)
            return store.checkpointer.passes.length > passesBefore && last && last.checkpointed === last.walFrames
          },
          { timeout: 3000, interval: 20 },
        )
        .toBe(true)
    }
    // Without the worker (autocheckpoint off), the WAL would hold all 20 MB.
    expect(largest).toBeLessThan(4 * 1024 * 1024)
    expect(await store.load(mapId).then((d) => d.updates.length)).toBe(20 * 64)
  })

  test("control: with the worker stopped the WAL grows past SQLite's automatic 1,000-page checkpoint, so the store's connection never runs one", async () => {
    const { store, mapId, file } = await storeWithMap()
    await store.checkpointer.stop()
    for (let burst = 0; burst < 8; burst++) await writeMegabyte(store, mapId)
    // With automatic checkpoints on, the WAL would restart near 1,000 pages (about 4 MB).
    expect(walBytes(file)).toBeGreaterThan(6 * 1024 * 1024)
  })
})

test('[ST9] closing the store in a process with nothing else to do waits for the last pass and exits cleanly', async () => {
  const t = freshSqliteDb()
  disposers.push(() => t.dispose())
  await t.db.$disconnect()
  // A process of its own: vitest's keeps the event loop alive, which hid a close that never settled.
  const script = `
    import { createSqliteStore } from './server/store/sqliteStore.ts'
    const store = createSqliteStore(${JSON.stringify(t.url)}, { busyTimeoutMs: 5 })
    await store.close()
    console.log('closed')
  `
  const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (exitCode) => resolve({ stdout: out, code: exitCode }))
  })
  // Node exits with 13 when the loop empties under an unsettled top-level await.
  expect({ code, stdout: stdout.trim() }).toEqual({ code: 0, stdout: 'closed' })
}, 30_000)
