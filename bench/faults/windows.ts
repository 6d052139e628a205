import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { unsavedSinceIn } from '@/components/map/hooks/useUnsavedSince'
import { freshSqliteDb } from '@/harness/db'
import { Instance, setupServices } from './cluster'
import { join, sleep, summarize, until, watch, write } from './probe'

/** Figures of one fault window: did anything freeze, was it signalled, was anything lost. */
export interface WindowResult {
  scenario: string
  windowMs: number
  written: number
  relayed: number
  lost: number
  lostAfterWindow: number
  /** From the fault to "not saved" reaching a client (null: never signalled). */
  signalMs: number | null
  /** From the end of the fault until every edit was in the database. */
  drainMs: number
  /** Relay latency (written → seen by a peer) of edits written during the fault. */
  relayDuringMs: ReturnType<typeof summarize>
  /** /healthz answer time during the fault (the event loop, seen from outside). */
  healthzDuringMs: ReturnType<typeof summarize>
  [extra: string]: unknown
}

interface Fault {
  name: string
  /** Prepares the database file (e.g. on a small disk); returns its path. */
  place(templateFile: string): string
  begin(file: string): void
  end(file: string): void
  cleanup(): void
}

/**
 * Runs a writer and a watcher through a fault window on a lone SQLite
 * instance: writing before, during and after it, then restarting and
 * counting what the database lacks.
 */
async function faultWindow(fault: Fault, windowMs: number): Promise<WindowResult> {
  const template = freshSqliteDb()
  const file = fault.place(template.file)
  const url = `file:${file}`
  const setup = await setupServices(url)
  const inst = await Instance.create({ DATABASE_URL: url, PERSIST_DELAY_MS: '50' })
  await inst.start()
  try {
    const s = await setup.newMap()
    const w = join(inst.wsBase, s)
    const o = join(inst.wsBase, s)
    await until(() => w.provider.synced && o.provider.synced, 30_000, 'clients synced')
    const seen = watch(o)
    const writer = write(w, fault.name, 10)
    // The same probes before the fault: on a loaded machine they show what the load alone costs.
    const healthBefore: number[] = []
    for (const until2s = Date.now() + 2000; Date.now() < until2s; await sleep(100))
      healthBefore.push(await inst.healthzMs())
    const before = [...writer.writtenAt].filter(([id]) => seen.has(id)).map(([id, t]) => seen.get(id)! - t)
    fault.begin(file)
    const began = Date.now()
    let signalAt: number | null = null
    const health: number[] = []
    while (Date.now() - began < windowMs) {
      if (signalAt === null && unsavedSinceIn(o.provider.awareness.getStates()) !== null) signalAt = Date.now()
      health.push(await inst.healthzMs())
      await sleep(100)
    }
    fault.end(file)
    const ended = Date.now()
    await sleep(2000)
    writer.stop()
    const drainMs = await until(
      async () => (await inst.readyz()).rooms.every((r) => r.unsavedSince === null && r.lagMs === 0),
      120_000,
      'drain',
    )
    w.destroy()
    o.destroy()
    await inst.roomClosed(s.mapId)
    await inst.crash()
    await inst.start()
    const stored = await inst.freshLoad(await setup.session(s.mapId))
    const lost = [...seen].filter(([id]) => !stored.has(id))
    const during = [...writer.writtenAt].filter(([, t]) => t >= began && t < ended)
    return {
      scenario: fault.name,
      windowMs,
      written: writer.writtenAt.size,
      relayed: seen.size,
      lost: lost.length,
      lostAfterWindow: lost.filter(([, at]) => at > ended).length,
      signalMs: signalAt === null ? null : signalAt - began,
      drainMs,
      relayBeforeMs: summarize(before),
      relayDuringMs: summarize(during.map(([id, t]) => (seen.get(id) ?? Infinity) - t)),
      healthzBeforeMs: summarize(healthBefore),
      healthzDuringMs: summarize(health),
    }
  } finally {
    await inst.stop()
    await setup.release()
    await template.dispose()
    fault.cleanup()
  }
}

/** Another connection holds the write lock (BEGIN EXCLUSIVE) for the window. */
export function lockWindow(windowMs: number): Promise<WindowResult> {
  let locker: Database.Database | undefined
  return faultWindow(
    {
      name: 'lock',
      place: (f) => f,
      begin(file) {
        locker = new Database(file)
        locker.exec('BEGIN EXCLUSIVE')
      },
      end() {
        locker?.exec('COMMIT')
        locker?.close()
      },
      cleanup() {},
    },
    windowMs,
  )
}

/**
 * The database on a small tmpfs that a filler file fills for the window
 * (SQLITE_FULL), then frees. Needs root for the mount.
 */
export function diskFullWindow(windowMs: number, mountPoint = '/tmp/crux-faults-disk'): Promise<WindowResult> {
  const filler = path.join(mountPoint, 'filler')
  return faultWindow(
    {
      name: 'disk-full',
      place(template) {
        fs.mkdirSync(mountPoint, { recursive: true })
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint])
        const file = path.join(mountPoint, 'crux.db')
        fs.copyFileSync(template, file)
        return file
      },
      begin() {
        const fd = fs.openSync(filler, 'w')
        const chunk = Buffer.alloc(64 * 1024, 1)
        try {
          for (;;) fs.writeSync(fd, chunk)
        } catch {
          // ENOSPC: the disk is full.
        } finally {
          fs.closeSync(fd)
        }
      },
      end() {
        fs.rmSync(filler, { force: true })
      },
      cleanup() {
        try {
          execFileSync('umount', ['-l', mountPoint])
        } catch {
          // Not mounted (mount failed): nothing to undo.
        }
      },
    },
    windowMs,
  )
}
