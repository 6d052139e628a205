import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { IdSchema } from '../../core/graph'
import { decodeOrNull } from '../http/decode'
import type { MapStore } from '../store/MapStore'
import { createBudget, DEFAULT_RATE_LIMIT, type RateLimit } from './budget'
import type { RoomBus } from './bus'
import type { RoomHistory } from './roomHistory'
import type { PersistOptions } from './persistQueue'
import { storedStateFrames } from './coldStart'
import { awarenessPayload } from './protocol'
import type { Peer, PeerAccess } from './peer'
import type { Room } from './Room'
import { RoomRegistry } from './RoomRegistry'
import { fitCloseReason } from './closeReason'
import { CLOSE_ACCESS_REVOKED, CLOSE_ROLE_CHANGED, applyAccessChange } from './accessChange'

export interface SyncServerOptions {
  store: MapStore
  persist: PersistOptions
  /** Frames larger than this close their own socket (ws `maxPayload`). */
  maxMessageBytes: number
  /** URL prefix; a map's socket is `${path}/${mapId}`. */
  path?: string
  /** Decides at the HTTP upgrade who may connect, and with which rights. */
  authorize(req: IncomingMessage, mapId: string): Promise<PeerAccess | { reject: number; reason: string }>
  rateLimit?: Partial<RateLimit>
  /** [PB6] Open sockets one person may hold on one map; the next upgrade is refused with 429. */
  maxSocketsPerPerson?: number
  /** Shares live traffic with other instances (Redis); absent on a single machine. */
  bus?: RoomBus
  /** [HI] Where rooms keep their checkpoints; absent: no history. */
  history?: RoomHistory
  log?: (msg: string, err?: unknown) => void
  /** [PB7] How often each socket is pinged; one that has not answered the previous ping is dropped. */
  heartbeatMs?: number
}

const HEARTBEAT_MS = 30_000

/** Close codes: 44xx tell the stock client not to retry, 45xx to reconnect. */
export { CLOSE_ACCESS_REVOKED, CLOSE_ROLE_CHANGED }
export const CLOSE_RATE_LIMITED = 4429
/** [PB3] A socket that stopped reading: it reconnects and syncs afresh. */
export const CLOSE_TOO_SLOW = 4508

/** [PB6] Enough for a person's tabs and devices; a runaway script opening sockets stops here. */
export const DEFAULT_MAX_SOCKETS_PER_PERSON = 8
/** [SY10] How long a cold room's build waits for the stored state to reach the first person's socket. */
const STORED_SEND_WAIT_MS = 1000
/** [PB3] Unsent bytes a socket may pile up before it is closed: a peer that never reads must not hold memory. */
const MAX_BACKLOG_BYTES = 32 * 1024 * 1024

/**
 * The y-websocket endpoint. It owns sockets and upgrades; documents, sync
 * and persistence live in Room. Each socket's frames are handled in order,
 * after its room has finished loading (the reference server answers early).
 */
export function createSyncServer(options: SyncServerOptions) {
  const path = options.path ?? '/ws'
  const log = options.log ?? ((msg, err) => console.error(`[sync] ${msg}`, err ?? ''))
  const rooms = new RoomRegistry(options.store, options.persist, options.bus, options.history)
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  const rateLimit: RateLimit = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit }
  const sockets = socketCounter(options.maxSocketsPerPerson ?? DEFAULT_MAX_SOCKETS_PER_PERSON)
  let nextPeer = 0
  /**
   * [PS9] [PP5] Bumped when a map's access changes. A socket authorized before a change but
   * joining its room after the change's sweep of live peers would keep the old rights (and
   * its screen the old phase): it is closed to reconnect instead, before any frame of it is read.
   */
  const accessGenerations = new Map<string, number>()
  const accessGeneration = (mapId: string) => accessGenerations.get(mapId) ?? 0

  function mapIdOf(req: IncomingMessage): string | null {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(`${path}/`)) return null
    const id = decodeOrNull(url.pathname.slice(path.length + 1))
    return id !== null && IdSchema.safeParse(id).success ? id : ''
  }

  /** Returns false when the request is not ours (e.g. Next's dev HMR socket). */
  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const mapId = mapIdOf(req)
    if (mapId === null) return false
    socket.on('error', () => socket.destroy())
    if (mapId === '') {
      reject(socket, 400, 'bad map id')
      return true
    }
    const generation = accessGeneration(mapId)
    options
      .authorize(req, mapId)
      .then((access) => {
        if ('reject' in access) return reject(socket, access.reject, access.reason)
        // [PB6] Counted from here, so parallel upgrades cannot overshoot the cap.
        const release = sockets.take(mapId, access.userId)
        if (!release) return reject(socket, 429, 'too many connections to this map')
        // A client that hung up while we looked it up must not keep its slot.
        if (socket.destroyed) return release()
        socket.once('close', release)
        // The handshake's answer waits for the turn's end, so it leaves in one write with the room's first
        // frames (SyncStep1, the presence of those already there) when the room is open.
        holdForTurn(socket)
        wss.handleUpgrade(req, socket, head, (ws) => connect(ws, socket, mapId, access, generation))
      })
      .catch((err) => {
        log('authorize failed', err)
        reject(socket, 500, 'internal error')
      })
    return true
  }

  function connect(ws: WebSocket, socket: Duplex, mapId: string, access: PeerAccess, generation: number): void {
    // [PB7] Each socket on a clock of its own: one sweep pinging a hall of 1,500 at once held the event
    // loop for over 100 ms, every 30 s, and every edit in flight waited behind it.
    let answered = true
    ws.on('pong', () => (answered = true))
    const heartbeat = setInterval(() => {
      if (!answered) return ws.terminate()
      answered = false
      ws.ping()
    }, options.heartbeatMs ?? HEARTBEAT_MS)
    heartbeat.unref()
    const budget = createBudget(rateLimit)
    const send = (frame: Uint8Array) => {
      if (ws.readyState !== ws.OPEN) return
      if (ws.bufferedAmount > MAX_BACKLOG_BYTES) return peer.close(CLOSE_TOO_SLOW, 'not reading')
      holdForTurn(socket)
      ws.send(frame, (err) => err && ws.terminate())
    }
    const peer: Peer = {
      remote: 'socket',
      id: `p${++nextPeer}`,
      send,
      reply(frame) {
        if (budget.reply(frame.byteLength)) send(frame)
        else peer.close(CLOSE_RATE_LIMITED, 'too much requested')
      },
      sendPresence(frame) {
        budget.granted()
        send(frame)
      },
      get backlog() {
        return ws.bufferedAmount
      },
      close(code, reason) {
        ws.close(code, fitCloseReason(reason))
      },
    }
    let closed = false
    let joined: Room | undefined
    /** Frames queued behind the room's load (or behind earlier queued frames): order is kept. */
    let waiting = 0
    let sentStored = false
    // [SY10] Opening a map nobody has open: the stored state goes out before the room builds its doc.
    const onStored = (updates: Uint8Array[]) => {
      const frames = storedStateFrames(updates)
      if (closed || ws.readyState !== ws.OPEN || frames.length === 0) return Promise.resolve()
      sentStored = true
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STORED_SEND_WAIT_MS)
        const done = () => (clearTimeout(timer), resolve())
        frames.forEach((frame, i) => ws.send(frame, i === frames.length - 1 ? done : undefined))
      })
    }
    // Frames queue behind the load, so the first sync answer reflects the store.
    let queue = rooms.acquire(mapId, onStored).then((room) => {
      if (closed) return room
      if (accessGeneration(mapId) !== generation) {
        // Authorized under rights that changed meanwhile: it joins unable to write and reconnects.
        room.join(peer, { ...access, canWrite: false }, sentStored)
        joined = room
        peer.close(CLOSE_ROLE_CHANGED, 'access changed')
        return room
      }
      room.join(peer, access, sentStored)
      joined = room
      return room
    })
    queue.catch((err) => {
      log(`could not open map ${mapId}`, err)
      ws.close(1011, 'could not load map')
    })
    ws.on('error', (err) => {
      // ws reports a client's protocol violations (oversized or malformed frames) as errors
      // and closes that socket itself: expected abuse, not a server fault worth a log line.
      if (!String((err as { code?: string }).code ?? '').startsWith('WS_ERR_')) log(`socket error on ${mapId}`, err)
    })
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return peer.close(4400, 'binary frames only')
      const frame = toBytes(data)
      // [PB1] The stock client's echo of presence we sent it: dropped unread, and free up to
      // one per presence frame it was sent. Everything else is charged [PS6].
      const presence = joined && awarenessPayload(frame)
      if (presence && joined!.isEcho(peer, presence) && budget.takeEcho()) return
      if (!budget.spend(frame.byteLength)) return peer.close(CLOSE_RATE_LIMITED, 'too many messages')
      // Joined with nothing queued: handled now, without a promise hop per frame. Before that, in order.
      if (joined && waiting === 0) return handle(joined, frame)
      waiting++
      queue = queue.then((room) => {
        waiting--
        handle(room, frame)
        return room
      })
    })
    /** [PS8] Whatever a frame makes throw closes this socket only, and never rejects the queue. */
    const handle = (room: Room, frame: Uint8Array) => {
      try {
        room.receive(peer, frame)
      } catch (err) {
        log(`frame on ${mapId} could not be handled`, err)
        peer.close(4400, 'malformed frame')
      }
    }
    ws.on('close', () => {
      closed = true
      clearInterval(heartbeat)
      queue
        .then((room) => room.leave(peer))
        .finally(() => rooms.release(mapId))
        .catch(() => {})
    })
  }

  /**
   * Re-checks connected people after a role change: those who lost access are
   * closed for good; those whose role changed reconnect with a fresh token.
   */
  async function refreshAccess(
    mapId: string,
    userIds: string[] | 'all',
    lookup: (userId: string) => Promise<PeerAccess | null>,
  ): Promise<void> {
    accessGenerations.set(mapId, accessGeneration(mapId) + 1)
    const live = rooms.live(mapId)
    if (!live) return
    const room = await live
    const affected = room.peersWhere((_, a) => !!a.userId && (userIds === 'all' || userIds.includes(a.userId)))
    for (const peer of affected) {
      const before = room.accessOf(peer)
      if (before?.userId) applyAccessChange(room, peer, before, await lookup(before.userId))
    }
  }

  /** [CM7] Tells everyone on the map, on any instance, that its comments changed. */
  async function commentsChanged(mapId: string): Promise<void> {
    const live = rooms.live(mapId)
    if (live) return (await live).commentsChanged()
    options.bus?.publish(mapId, 'signal', new TextEncoder().encode('comments'))
  }

  return {
    handleUpgrade,
    refreshAccess,
    commentsChanged,
    rooms,
    /** For tests and live role changes: the access of connected peers can be changed in place. */
    async close(): Promise<void> {
      for (const ws of wss.clients) ws.terminate()
      await rooms.closeAll()
      wss.close()
    },
  }
}

export type SyncServer = ReturnType<typeof createSyncServer>

function reject(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

const held = new WeakSet<Duplex>()
/**
 * What a socket is sent during this turn of the event loop leaves in one write: in a busy room several edits
 * arrive per turn, and a system call per frame per peer was the largest cost of relaying.
 */
function holdForTurn(socket: Duplex): void {
  if (held.has(socket)) return
  held.add(socket)
  socket.cork()
  setImmediate(() => {
    held.delete(socket)
    socket.uncork()
  })
}

/** [PB6] Open sockets per (map, person); `take` returns the release, or null at the cap. */
function socketCounter(max: number) {
  const open = new Map<string, number>()
  return {
    take(mapId: string, userId: string | undefined): (() => void) | null {
      if (!userId) return () => {}
      const key = `${mapId}\u0000${userId}`
      const n = open.get(key) ?? 0
      if (n >= max) return null
      open.set(key, n + 1)
      let released = false
      return () => {
        if (released) return
        released = true
        const left = (open.get(key) ?? 1) - 1
        if (left > 0) open.set(key, left)
        else open.delete(key)
      }
    },
  }
}

function toBytes(data: unknown): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data as Buffer)
}
