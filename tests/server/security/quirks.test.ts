import { afterAll, beforeAll, expect, test } from 'vitest'
import * as Y from 'yjs'
import { connectRaw, handshake, syncStep1Frame, syncStep2Frame } from '../../support/rawClient'
import { connectClient, eventually } from '../../../harness/syncHarness'
import { person, privateMap, startRealServer, tokenFor, type RealServer } from './realServer'

/** Stock-client behaviours the server must not punish: they are not attacks. */
let srv: RealServer
beforeAll(async () => {
  srv = await startRealServer()
})
afterAll(() => srv.stop())

test('[PS4] a read-only peer answering the handshake with an empty update is not told "permission denied"', async () => {
  const owner = await person(srv.services, 'Owner')
  const reader = await person(srv.services, 'Reader')
  const mapId = await privateMap(srv.services, owner, [[reader, 'viewer']])
  const raw = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, reader, mapId, 'viewer'),
  })
  try {
    await handshake(raw)
    // What y-websocket sends when it has nothing the server lacks.
    raw.send(syncStep2Frame(Y.encodeStateAsUpdate(raw.doc, Y.encodeStateVector(raw.doc))))
    // A real write right after is still refused, so the silence above is not a broken channel.
    raw.send(
      syncStep2Frame(
        Y.encodeStateAsUpdate(
          (() => {
            const d = new Y.Doc()
            d.getMap('nodes').set('x', 1)
            return d
          })(),
        ),
      ),
    )
    // Frames are handled in order: once this handshake is answered, both frames above were.
    const mark = raw.received.length
    raw.send(syncStep1Frame(raw.doc))
    await raw.waitFor('sync-step2', 5000, mark)
    expect(raw.received.filter((m) => m.type === 'permission-denied')).toHaveLength(1)
  } finally {
    raw.close()
  }
})

test('[PS5] a client that reconnects is visible again at once, not after its awareness clock catches up', async () => {
  const owner = await person(srv.services, 'Owner')
  const mapId = await privateMap(srv.services, owner)
  const token = await tokenFor(srv.services, owner, mapId, 'owner')
  const watcher = connectClient(srv.wsBase, mapId, new Y.Doc(), { token }, { origin: srv.origin })
  const mover = connectClient(srv.wsBase, mapId, new Y.Doc(), { token }, { origin: srv.origin })
  try {
    await Promise.all([watcher.synced, mover.synced])
    mover.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 })
    const seen = () => watcher.provider.awareness.getStates().has(mover.doc.clientID)
    await eventually(seen, 'mover visible')
    mover.provider.disconnect()
    await eventually(() => !seen(), 'mover gone')
    mover.provider.connect()
    await eventually(seen, 'mover visible again', 3000)
  } finally {
    watcher.destroy()
    mover.destroy()
  }
})
