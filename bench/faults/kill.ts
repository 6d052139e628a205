import { freshSqliteDb } from '@/harness/db'
import { freshPostgresDb, REDIS_URL } from '@/harness/postgres'
import { Instance, setupServices } from './cluster'
import { ids, join, losses, sleep, until, watch, write } from './probe'

/** One cycle's figures: what a survivor had seen, what the database lacked after the restart. */
export interface KillCycle {
  cycle: number
  written: number
  relayed: number
  /** Age at the crash (ms) of each relayed edit the database lacked. */
  lostAges: number[]
  restartMs: number
  [extra: string]: unknown
}

const randomBetween = (lo: number, hi: number) => lo + Math.random() * (hi - lo)

/**
 * kill -9 of a lone SQLite instance mid-write. Its clients are dropped with
 * it (they would resend their own edits on reconnect, hiding a loss), so a
 * loss here is an edit a watcher had seen that the database lacked.
 */
export async function sqliteKill(cycles: number, log: (c: KillCycle) => void, script?: string): Promise<KillCycle[]> {
  const db = freshSqliteDb()
  const setup = await setupServices(db.url)
  const inst = await Instance.create({ DATABASE_URL: db.url, PERSIST_DELAY_MS: '50' }, script)
  await setup.release()
  await inst.start()
  const out: KillCycle[] = []
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const s = await setup.newMap()
      const w = join(inst.wsBase, s)
      const o = join(inst.wsBase, s)
      await until(() => w.provider.synced && o.provider.synced, 30_000, 'clients synced')
      const seen = watch(o)
      const writer = write(w, `c${cycle}`)
      await sleep(randomBetween(200, 1500))
      const crashAt = Date.now()
      await inst.crash()
      writer.stop()
      w.destroy()
      o.destroy()
      await setup.release()
      const t0 = Date.now()
      await inst.start()
      const stored = await inst.freshLoad(await setup.session(s.mapId))
      const result = {
        cycle,
        written: writer.writtenAt.size,
        relayed: seen.size,
        lostAges: losses(seen, stored, crashAt),
        restartMs: Date.now() - t0,
      }
      out.push(result)
      log(result)
    }
  } finally {
    await inst.stop()
    await setup.release()
    await db.dispose()
  }
  return out
}

/**
 * Two instances on PostgreSQL + Redis; A is killed with -9 while writers on
 * both write, and B's writer goes on for half a second after (its edits
 * depend on A's). After everyone left B, a fresh client on B must see every
 * edit B's clients held. Edits only A's clients ever saw are counted apart:
 * those clients would resend them on reconnect, but here they vanish with A.
 */
export async function pgKill(cycles: number, log: (c: KillCycle) => void): Promise<KillCycle[]> {
  const pg = await freshPostgresDb()
  const setup = await setupServices(pg.url)
  const env = { DATABASE_URL: pg.url, REDIS_URL, PERSIST_DELAY_MS: '50' }
  const [a, b] = [await Instance.create(env), await Instance.create(env)]
  await Promise.all([a.start(), b.start()])
  const out: KillCycle[] = []
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const s = await setup.newMap()
      const [wA, oA, wB, oB] = [join(a.wsBase, s), join(a.wsBase, s), join(b.wsBase, s), join(b.wsBase, s)]
      await until(() => [wA, oA, wB, oB].every((c) => c.provider.synced), 30_000, 'clients synced')
      const seenOnA = watch(oA)
      const seenOnB = watch(oB)
      const writerA = write(wA, `a${cycle}`)
      const writerB = write(wB, `b${cycle}`)
      await sleep(randomBetween(300, 1500))
      const crashAt = Date.now()
      await a.crash()
      writerA.stop()
      wA.destroy()
      oA.destroy()
      await sleep(500)
      writerB.stop()
      // Everything B's clients hold: what the watcher saw, and the writer's own edits.
      const held = new Map(seenOnB)
      for (const id of ids(wB.doc)) if (!held.has(id)) held.set(id, writerB.writtenAt.get(id) ?? crashAt)
      wB.destroy()
      oB.destroy()
      await b.roomClosed(s.mapId)
      const stored = await b.freshLoad(await setup.session(s.mapId))
      const onlyOnA = [...seenOnA].filter(([id]) => !held.has(id))
      const t0 = Date.now()
      await a.start()
      await a.freshLoad(await setup.session(s.mapId))
      const result: KillCycle = {
        cycle,
        written: writerA.writtenAt.size + writerB.writtenAt.size,
        relayed: held.size,
        lostAges: losses(held, stored, crashAt),
        restartMs: Date.now() - t0,
        writtenAfterCrash: [...writerB.writtenAt.values()].filter((t) => t > crashAt).length,
        onlyOnA: onlyOnA.length,
        onlyOnALostAges: onlyOnA.filter(([id]) => !stored.has(id)).map(([, at]) => crashAt - at),
      }
      out.push(result)
      log(result)
    }
  } finally {
    await Promise.all([a.stop(), b.stop()])
    await setup.release()
    await pg.dispose()
  }
  return out
}

/**
 * [DU3] What receivers persisting bus updates costs: rows and bytes in the
 * log for the same 600 edits, one instance versus two (writer on A, watcher on B).
 */
export async function busCost(): Promise<Record<string, { rows: number; bytes: number; edits: number }>> {
  const pg = await freshPostgresDb()
  const setup = await setupServices(pg.url)
  const env = { DATABASE_URL: pg.url, REDIS_URL, PERSIST_DELAY_MS: '50', COMPACT_AFTER: '1000000' }
  const [a, b] = [await Instance.create(env), await Instance.create(env)]
  await Promise.all([a.start(), b.start()])
  const out: Record<string, { rows: number; bytes: number; edits: number }> = {}
  try {
    for (const [name, watcherOn] of [
      ['one instance', a],
      ['two instances', b],
    ] as const) {
      const s = await setup.newMap()
      const w = join(a.wsBase, s)
      const o = join(watcherOn.wsBase, s)
      await until(() => w.provider.synced && o.provider.synced, 30_000, 'clients synced')
      const seen = watch(o)
      const writer = write(w, name.replace(' ', '-'), 10)
      await until(() => writer.writtenAt.size >= 600, 60_000, 'edits written')
      writer.stop()
      await until(() => seen.size >= writer.writtenAt.size, 30_000, 'edits relayed')
      w.destroy()
      o.destroy()
      await Promise.all([a.roomClosed(s.mapId), b.roomClosed(s.mapId)])
      out[name] = { ...(await setup.logSize(s.mapId)), edits: writer.writtenAt.size }
    }
  } finally {
    await Promise.all([a.stop(), b.stop()])
    await setup.release()
    await pg.dispose()
  }
  return out
}
