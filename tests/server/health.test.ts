import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { handleHealth, readiness } from '@/server/app/health'
import type { RoomBus } from '@/server/sync/bus'
import { testServices } from '../support/services'

/** [DU6] /healthz and /readyz on the app's real services, answered without Next. */
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function serve() {
  const { services, dispose } = await testServices()
  const server = http.createServer((req, res) => void (handleHealth(req, res, services) || res.writeHead(404).end()))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(dispose, () => new Promise((r) => server.close(r)))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { services, get: (path: string) => fetch(base + path) }
}

test('[DU6] /healthz says alive; /readyz reports the database, the bus and each open room', async () => {
  const { services, get } = await serve()
  const health = await get('/healthz')
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({ ok: true })

  const owner = await services.accounts.createGuest('Ready')
  const map = await services.maps.create({ title: 'Readiness', ownerId: owner.id })
  const room = await services.sync.rooms.acquire(map.id)
  cleanups.push(() => services.sync.rooms.release(map.id))
  expect(room.saveState.unsavedSince).toBeNull()
  const ready = await get('/readyz')
  expect(ready.status).toBe(200)
  expect(await ready.json()).toMatchObject({
    ready: true,
    database: 'ok',
    bus: 'absent',
    rooms: [{ mapId: map.id, lagMs: 0, unsavedSince: null, pendingBytes: 0 }],
    unsavedRooms: 0,
  })
  expect((await get('/elsewhere')).status).toBe(404)
})

test('[DU6] a bus that does not answer makes the instance not ready', async () => {
  const { services } = await serve()
  const deadBus = { ping: () => new Promise<void>(() => {}) } as unknown as RoomBus
  const started = Date.now()
  const report = await readiness({ db: services.db, sync: services.sync, bus: deadBus })
  expect(report.ready).toBe(false)
  expect(report.bus).toEqual({ error: 'no answer within 1000 ms' })
  expect(Date.now() - started).toBeLessThan(3000)
})
