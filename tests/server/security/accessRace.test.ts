import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEFAULT_PHASES, findPhase } from '@/core/permissions'
import type { PeerAccess } from '@/server/sync/peer'
import { CLOSE_ROLE_CHANGED } from '@/server/sync/SyncServer'
import { createMemoryStore } from '@/server/store/memoryStore'
import { connectRaw, handshake } from '../../support/rawClient'
import { startSyncServer } from '../../../harness/syncHarness'

/**
 * [PS9] [PP5] A socket whose upgrade was authorized just before a change of
 * rights, and which joins its room just after the change swept the live
 * peers, must not keep the old rights. The test holds the authorization open
 * while the change happens, as a slow database read would.
 */
const before: PeerAccess = { userId: 'ann', role: 'editor', canWrite: true, phase: null }
const after: PeerAccess = { ...before, phase: findPhase(DEFAULT_PHASES, 'Closed') }

let srv: Awaited<ReturnType<typeof startSyncServer>>
const held: Array<(access: PeerAccess) => void> = []

beforeAll(async () => {
  srv = await startSyncServer(createMemoryStore(), {
    authorize: (req) =>
      req.url?.includes('watcher')
        ? Promise.resolve({ userId: 'teacher', role: 'owner', canWrite: true })
        : new Promise((resolve) => held.push(resolve)),
  })
})
afterAll(() => srv.stop())

test('[PS9] [PP5] a socket authorized before a change of rights and joining after it is closed to reconnect (4501), not left with the old rights', async () => {
  // Someone already on the map keeps its room live, as in a classroom.
  const watcher = await connectRaw(srv.url, 'm1', { token: 'watcher' })
  await handshake(watcher)
  const late = connectRaw(srv.url, 'm1', { token: 'ann' })
  await expect.poll(() => held.length).toBe(1)
  // The change sweeps the live peers while Ann's authorization is still out, read before it.
  await srv.server.refreshAccess('m1', 'all', async (userId) => (userId === 'ann' ? after : null))
  held.splice(0).forEach((resolve) => resolve(before))
  const socket = await late
  expect((await socket.closed).code).toBe(CLOSE_ROLE_CHANGED)
  // The control: a socket authorized after the change joins and stays.
  const fresh = connectRaw(srv.url, 'm1', { token: 'ann-again' })
  await expect.poll(() => held.length).toBe(1)
  held.splice(0).forEach((resolve) => resolve(after))
  const stays = await fresh
  await handshake(stays)
  expect(stays.isOpen).toBe(true)
  stays.close()
  watcher.close()
})
