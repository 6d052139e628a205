import { afterEach, expect, test } from 'vitest'
import WebSocket from 'ws'
import { createMemoryStore } from '@/server/store/memoryStore'
import { eventually, startSyncServer } from '../../harness/syncHarness'

/** [PB7] server/sync/SPEC.md: a socket that stops answering pings is dropped; one that answers stays. */
let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

test('[PB7] a socket that does not answer a ping is dropped at the next one; one that answers stays open', async () => {
  const server = await startSyncServer(createMemoryStore(), { heartbeatMs: 150 })
  stop = server.stop
  const open = (autoPong: boolean) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${server.url}/heartbeat-map`, { autoPong })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
    })
  const silent = await open(false)
  const answering = await open(true)
  let silentClosed = false
  let pingsAnswered = 0
  silent.on('close', () => (silentClosed = true))
  answering.on('ping', () => pingsAnswered++)
  await eventually(() => silentClosed, 'the silent socket is dropped')
  // The answering socket was pinged as often and is still there, several pings later.
  await eventually(() => pingsAnswered >= 4, 'the answering socket has been pinged four times')
  expect(answering.readyState).toBe(WebSocket.OPEN)
  answering.close()
})
