import { afterEach, describe, expect, test } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  MAX_PRESENCE_TICK_MS,
  PRESENCE_TICK_MS,
  PresenceRelay,
  SLOW_PEER_BACKLOG_BYTES,
  nextTick,
  type PresencePeer,
} from '@/server/sync/presenceRelay'
import { decodeServerFrame } from '../support/rawClient'

/** [PB2] [PB3] The relay on its own: what each peer gets per tick, in a room of any size. */
const docs: Y.Doc[] = []
afterEach(() => docs.splice(0).forEach((d) => d.destroy()))

function room() {
  const doc = new Y.Doc()
  docs.push(doc)
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(null)
  return awareness
}

function peer(backlog = 0): PresencePeer & { frames: Map<number, unknown>[]; backlog: number } {
  const frames: Map<number, unknown>[] = []
  return {
    frames,
    backlog,
    sendPresence(frame) {
      const m = decodeServerFrame(frame)
      if (m.type === 'awareness') frames.push(m.states)
    },
  }
}

/** Another client's state arriving at the server, as applyAwarenessUpdate would see it. */
function announce(awareness: awarenessProtocol.Awareness, clientId: number, clock: number, state: unknown) {
  const remote = new awarenessProtocol.Awareness(new Y.Doc())
  docs.push(remote.doc)
  remote.clientID = clientId
  remote.meta.set(clientId, { clock, lastUpdated: 0 })
  remote.states.set(clientId, state as object)
  awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(remote, [clientId]), 'peer')
}

describe('PresenceRelay', () => {
  test('[PB2] every change within a tick goes to each peer as one frame with the latest states', () => {
    const awareness = room()
    const peers = [peer(), peer(), peer()]
    const relay = new PresenceRelay(awareness, () => peers)
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) =>
      relay.changedClients([...added!, ...updated!, ...removed!], true),
    )
    for (let move = 1; move <= 5; move++)
      for (let id = 1; id <= 30; id++) announce(awareness, id, move, { cursor: { x: move, y: id } })
    relay.flush()
    relay.close()
    for (const p of peers) {
      expect(p.frames).toHaveLength(1)
      expect(p.frames[0]!.size).toBe(30)
      expect(p.frames[0]!.get(7)).toEqual({ cursor: { x: 5, y: 7 } })
    }
  })

  test('[PB2] the tick stays at 50 ms for a classroom and grows with the square of a lecture hall, up to 1 s', () => {
    const state = 170
    expect(nextTick(40 * state, 40)).toBe(PRESENCE_TICK_MS)
    const hall = nextTick(150 * state, 150)
    expect(hall).toBeGreaterThan(300)
    expect(hall).toBeLessThan(MAX_PRESENCE_TICK_MS)
    expect(nextTick(1000 * state, 1000)).toBe(MAX_PRESENCE_TICK_MS)
  })

  test('[PB3] a peer that is not reading skips ticks, then gets every state at once', () => {
    const awareness = room()
    const slow = peer(SLOW_PEER_BACKLOG_BYTES + 1)
    const fast = peer()
    const relay = new PresenceRelay(awareness, () => [slow, fast])
    awareness.on('update', ({ added, updated }: Record<string, number[]>) =>
      relay.changedClients([...added!, ...updated!], true),
    )
    announce(awareness, 1, 1, { n: 1 })
    relay.flush()
    announce(awareness, 2, 1, { n: 2 })
    relay.flush()
    expect(slow.frames).toHaveLength(0)
    slow.backlog = 0
    announce(awareness, 3, 1, { n: 3 })
    relay.flush()
    relay.close()
    expect(fast.frames.map((f) => [...f.keys()])).toEqual([[1], [2], [3]])
    expect([...slow.frames[0]!.keys()].sort()).toEqual([1, 2, 3])
  })
})
