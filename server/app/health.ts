import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Services } from './services'

/** A check that has not answered within this long counts as failed: a supervisor must not hang on us. */
const CHECK_TIMEOUT_MS = 1000

type Check = 'ok' | 'absent' | { error: string }

async function check(run: () => Promise<unknown>): Promise<Check> {
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    await Promise.race([
      run(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
      ),
    ])
    return 'ok'
  } catch (err) {
    return { error: err instanceof Error ? err.message.split('\n')[0]! : String(err) }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * [DU6] Readiness: the database answers a read of a real table (a locked
 * SQLite file fails it), the bus answers a ping, and each open room reports
 * how far its persistence lags, and how long edits waited to be committed
 * ([DU9]). Not ready when either store or bus fails.
 */
export async function readiness(services: Pick<Services, 'db' | 'bus' | 'sync'> & Partial<Pick<Services, 'commits'>>) {
  const [database, bus, rooms] = await Promise.all([
    check(() => services.db.$queryRawUnsafe('SELECT 1 FROM "Map" LIMIT 1')),
    services.bus ? check(() => services.bus!.ping()) : Promise.resolve<Check>('absent'),
    services.sync.rooms.saveStates(),
  ])
  const ready = database === 'ok' && (bus === 'ok' || bus === 'absent')
  return {
    ready,
    database,
    bus,
    rooms,
    unsavedRooms: rooms.filter((r) => r.unsavedSince !== null).length,
    // [DU9] Cumulative: two readings subtracted give any window's waits.
    ...(services.commits ? { commitLatency: services.commits.histogram() } : {}),
  }
}

/**
 * [DU6] `/healthz` (the process is alive and its event loop turns) and
 * `/readyz` (it can serve and save), answered before Next sees the request.
 * Returns false for any other path.
 */
export function handleHealth(req: IncomingMessage, res: ServerResponse, services: Services): boolean {
  const path = (req.url ?? '').split('?')[0]
  if (path === '/healthz') {
    send(res, 200, { ok: true })
    return true
  }
  if (path !== '/readyz') return false
  readiness(services).then(
    (report) => send(res, report.ready ? 200 : 503, report),
    (err) => send(res, 503, { ready: false, error: String(err) }),
  )
  return true
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}
