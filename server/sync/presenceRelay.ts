import * as awarenessProtocol from 'y-protocols/awareness'
import { writeAwareness } from './protocol'

/** What the relay needs of a connection. */
export interface PresencePeer {
  /** Sends a presence frame (the connection may echo it once for free, [PB1]). */
  sendPresence(frame: Uint8Array): void
  /** Bytes queued on the socket and not yet sent. */
  readonly backlog: number
}

/**
 * [PB2] The shortest tick: at most one presence frame per peer per 50 ms, the
 * editor's own cursor interval (CURSOR_INTERVAL_MS), so a room of any size
 * sends each peer at most 20 presence frames a second.
 */
export const PRESENCE_TICK_MS = 50
/** [PB2] The longest tick, however large the room: presence never stalls for more than a second. */
export const MAX_PRESENCE_TICK_MS = 1000
/**
 * [PB2] Presence bytes a room may send per second, all peers together, before
 * its tick grows. Everyone moving means every tick carries every state to
 * every peer, which grows with the square of the room: 40 people stay at
 * 50 ms, 150 thin out to a few frames a second.
 */
export const ROOM_PRESENCE_BYTES_PER_SECOND = 6 * 1024 * 1024
/** [PB3] A peer with this much unsent skips presence until it drains, then gets every state at once. */
export const SLOW_PEER_BACKLOG_BYTES = 1024 * 1024

/**
 * Relays a room's awareness changes coalesced: every clientID that changed
 * within a tick goes out as one awareness update, one frame per peer, instead
 * of one frame per move to every peer. The first change after a quiet tick
 * goes out at once (the tick is a minimum gap, not a fixed delay), so a lone
 * cursor move is not held back. Document updates never pass through here.
 */
export class PresenceRelay {
  private readonly changed = new Set<number>()
  /** Changes made on this instance: the bus carries these to the others. */
  private readonly changedHere = new Set<number>()
  /** Peers that skipped a tick and owe a full resend. */
  private readonly stale = new WeakSet<PresencePeer>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private lastFlush = Number.NEGATIVE_INFINITY
  private tick = PRESENCE_TICK_MS
  private closed = false

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly peers: () => Iterable<PresencePeer>,
    private readonly publish?: (update: Uint8Array) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The current gap between two presence frames to one peer, in ms. */
  get tickMs(): number {
    return this.tick
  }

  changedClients(ids: readonly number[], here: boolean): void {
    for (const id of ids) {
      this.changed.add(id)
      if (here) this.changedHere.add(id)
    }
    if (this.timer === undefined && this.changed.size > 0 && !this.closed) {
      const wait = Math.max(0, this.lastFlush + this.tick - this.now())
      this.timer = setTimeout(() => this.flush(), wait)
      this.timer.unref?.()
    }
  }

  /** Sends everything pending now (also what the timer does). */
  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.changed.size === 0) return
    this.lastFlush = this.now()
    const frame = writeAwareness(this.encode(this.changed))
    this.changed.clear()
    let full: Uint8Array | undefined
    let peers = 0
    for (const peer of this.peers()) {
      peers++
      if (peer.backlog > SLOW_PEER_BACKLOG_BYTES) {
        // Skipped ticks lose deltas, so once drained this peer gets the whole picture.
        this.stale.add(peer)
      } else if (this.stale.has(peer)) {
        this.stale.delete(peer)
        full ??= writeAwareness(this.encode(this.awareness.getStates().keys()))
        peer.sendPresence(full)
      } else peer.sendPresence(frame)
    }
    if (this.changedHere.size > 0 && this.publish) this.publish(this.encode(this.changedHere))
    this.changedHere.clear()
    this.tick = nextTick(frame.byteLength, peers)
  }

  close(): void {
    this.closed = true
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Removed clients are encoded too (state null), as long as the awareness still knows their clock. */
  private encode(ids: Iterable<number>): Uint8Array {
    const known = [...ids].filter((id) => this.awareness.meta.has(id))
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, known)
  }
}

/** [PB2] The tick that keeps a room's presence traffic near ROOM_PRESENCE_BYTES_PER_SECOND. */
export function nextTick(frameBytes: number, peers: number): number {
  const needed = (frameBytes * peers * 1000) / ROOM_PRESENCE_BYTES_PER_SECOND
  return Math.min(MAX_PRESENCE_TICK_MS, Math.max(PRESENCE_TICK_MS, needed))
}
