import * as Y from 'yjs'
import { createServices, type Services } from '@/server/app/services'
import { parseEnv } from '@/server/env'
import { person, privateMap, tokenFor } from '@/tests/server/security/realServer'
import { freePort } from '@/harness/app'
import { startInstanceProcess, type InstanceProcess } from '@/harness/instanceProcess'
import { ORIGIN, ids, join, until, type Session } from './probe'

export const SECRET = 'fault-harness-secret-long-enough-for-hs256!'

/**
 * A sync instance on a fixed port (so clients and the harness find it again
 * after a restart), started as its own process so it can be killed with -9.
 */
export class Instance {
  private proc: InstanceProcess | undefined
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly script?: string,
  ) {}

  /** `script`: scripts/start.ts for the whole app as `npm start` runs it; the sync tier alone by default. */
  static async create(env: Record<string, string>, script?: string): Promise<Instance> {
    return new Instance(await freePort(), env, script)
  }

  get wsBase(): string {
    return `ws://127.0.0.1:${this.port}/ws`
  }

  async start(): Promise<void> {
    this.proc = await startInstanceProcess(
      { ...this.env, PORT: String(this.port), ALLOWED_ORIGINS: ORIGIN, AUTH_SECRET: SECRET },
      this.script,
    )
  }

  async crash(): Promise<void> {
    await this.proc?.crash()
    this.proc = undefined
  }

  async stop(): Promise<void> {
    await this.proc?.stop()
    this.proc = undefined
  }

  async readyz(): Promise<{ rooms: Array<{ mapId: string; unsavedSince: number | null; lagMs: number }> }> {
    const res = await fetch(`http://127.0.0.1:${this.port}/readyz`)
    return (await res.json()) as never
  }

  /** Milliseconds for /healthz to answer (the event loop's responsiveness, seen from outside). */
  async healthzMs(): Promise<number> {
    const t0 = performance.now()
    await fetch(`http://127.0.0.1:${this.port}/healthz`)
    return performance.now() - t0
  }

  /** Waits until the instance holds no room for `mapId` (its last client left and it flushed). */
  async roomClosed(mapId: string, ms = 30_000): Promise<void> {
    await until(async () => !(await this.readyz()).rooms.some((r) => r.mapId === mapId), ms, `room ${mapId} to close`)
  }

  /** What a fresh client is served: the map as loaded from the database. */
  async freshLoad(s: Session): Promise<Set<string>> {
    const c = join(this.wsBase, s)
    try {
      await until(() => c.provider.synced, 30_000, 'fresh client sync')
      return ids(c.doc)
    } finally {
      c.destroy()
    }
  }
}

/** Owner, maps and tokens made through the app's services on the run's database. */
export interface Setup {
  newMap(): Promise<Session>
  /** A fresh token (they live two minutes) for an existing map. */
  session(mapId: string): Promise<Session>
  /** The map's claims as the database holds them. */
  stored(mapId: string): Promise<Set<string>>
  /** Rows and bytes in the map's update log (the cost of persisting). */
  logSize(mapId: string): Promise<{ rows: number; bytes: number }>
  /**
   * Closes the harness's services (Prisma, the store, the prepared reads and the WAL checkpointer) until they
   * are next needed: `prisma migrate deploy`, which the whole app runs on start, fails on a WAL SQLite file
   * that another process holds open. Also how a run ends.
   */
  release(): Promise<void>
}

export async function setupServices(databaseUrl: string): Promise<Setup> {
  const env = parseEnv({ DATABASE_URL: databaseUrl, AUTH_SECRET: SECRET, SEED_ON_START: 'false' })
  let open: Promise<Services> | undefined
  const services = () => (open ??= createServices(env))
  const owner = await person(await services(), 'Fault harness')
  const session = async (mapId: string) => ({ mapId, token: await tokenFor(await services(), owner, mapId, 'owner') })
  const release = async () => {
    const closing = open
    open = undefined
    await (await closing)?.close()
  }
  return {
    session,
    newMap: async () => session(await privateMap(await services(), owner)),
    release,
    async logSize(mapId) {
      const rows = await (await services()).db.docUpdate.findMany({ where: { mapId }, select: { data: true } })
      return { rows: rows.length, bytes: rows.reduce((n, r) => n + r.data.length, 0) }
    },
    async stored(mapId) {
      const doc = new Y.Doc()
      for (const u of (await (await services()).store.load(mapId)).updates) Y.applyUpdate(doc, u)
      return ids(doc)
    },
  }
}
