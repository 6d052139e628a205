import * as Y from 'yjs'
import { addNode, localOrigin, updateNode } from '../../core/ydoc'
import type { HotReads } from '../db/hotReads'
import { signMapToken, verifyMapToken } from '../auth/mapTokens'
import { applyGuarded } from './updateGuard'
import { writeSyncStep1, writeSyncStep2, writeUpdate } from './protocol'

/**
 * The first connect after a start is as quick as the next ones: what every connection runs the first time
 * (the HMAC key's import, the prepared reads, the update guard and the sync encoders, and V8 compiling them)
 * runs once at start on scratch data, before the port opens. Nothing it touches is stored or sent.
 */
export async function warmUp(secret: Uint8Array, reads: HotReads): Promise<void> {
  const claims = { sub: 'warm-up', map: 'warm-up', role: 'viewer' as const, name: 'warm-up', color: '#000000' }
  await verifyMapToken(secret, await signMapToken(secret, claims), 'warm-up')
  await Promise.all([reads.session('warm-up'), reads.mapAccess('warm-up'), reads.membership('warm-up', 'warm-up')])
  await reads.hasCheckpoint('warm-up')
  const server = new Y.Doc()
  const client = new Y.Doc()
  const writer = {
    userId: 'warm-up',
    owner: false,
    ownWork: false,
    contributor: { userId: 'warm-up', name: 'warm-up', color: '#000000' },
  }
  const me = localOrigin()
  client.on('update', (update: Uint8Array) => {
    applyGuarded(server, update, writer, 'warm-up')
    writeUpdate(update)
  })
  for (let i = 0; i < 20; i++) {
    addNode(client, { id: `warm${i}`, kind: 'claim', text: 'warm-up', x: i, y: 0, pinned: false }, me)
    updateNode(client, `warm${i}`, { text: 'warmed up' }, me)
  }
  writeSyncStep2(server, Y.encodeStateVector(client))
  writeSyncStep1(server)
  server.destroy()
  client.destroy()
}
