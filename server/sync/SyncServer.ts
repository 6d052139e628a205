import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { IdSchema } from '../../core/graph'
import type { MapStore } from '../store/MapStore'
import type { RoomBus } from './bus'
import type { PersistOptions } from './persistQueue'
import type { Peer, PeerAccess } from './Room'
import { RoomRegistry } from './RoomRegistry'

export interface SyncServerOptions {
  store: MapStore
  persist: PersistOptions
  /** Frames larger than this close their own socket (ws `maxPayload`). */
  maxMessageBytes: number
  /** URL prefix; a map's socket is `${path}/${mapId}`. */
  path?: string
  /** Decides at the HTTP upgrade who may connect, and with which rights. */
  authorize(req: IncomingMessage, mapId: string): Promise<PeerAccess | { reject: number; reason: string }>
  rateLimit?: RateLimit
  /** Shares live traffic with other instances (Redis); absent on a single machine. */
  bus?: RoomBus
  log?: (msg: string, err?: unknown) => void
}

const HEARTBEAT_MS = 30_000

/** Close codes: 44xx tell the stock client not to retry, 45xx to reconnect. */
export const CLOSE_ACCESS_REVOKED = 4403
export const CLOSE_RATE_LIMITED = 4429
export const CLOSE_ROLE_CHANGED = 4501

/** Per-connection budget: a burst allowance refilled every second. */
export interface RateLimit {
  messagesPerSecond: number
  bytesPerSecond: number
}
const DEFAULT_RATE_LIMIT: RateLimit = { messagesPerSecond: 300, bytesPerSecond: 8 * 1024 * 1024 }

/**
 * The y-websocket endpoint. It owns sockets and upgrades; documents, sync
 * and persistence live in Room. Each socket's frames are handled in order,
 * after its room has finished loading (the reference server answers early).
 */
export function createSyncServer(options: SyncServerOptions) {
  const path = options.path ?? '/ws'
  const log = options.log ?? ((msg, err) => console.error(`[sync] ${msg}`, err ?? ''))
  const rooms = new RoomRegistry(options.store, options.persist, options.bus)
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  let nextPeer = 0

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      const alive = ws as WebSocket & { crxAlive?: boolean }
      if (alive.crxAlive === false) ws.terminate()
      else {
        alive.crxAlive = false
        ws.ping()
      }
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  function mapIdOf(req: IncomingMessage): string | null {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(`${path}/`)) return null
    const id = decodeURIComponent(url.pathname.slice(path.length + 1))
    return IdSchema.safeParse(id).success ? id : ''
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
    options
      .authorize(req, mapId)
      .then((access) => {
        if ('reject' in access) return reject(socket, access.reject, access.reason)
        wss.handleUpgrade(req, socket, head, (ws) => connect(ws, mapId, access))
      })
      .catch((err) => {
        log('authorize failed', err)
        reject(socket, 500, 'internal error')
      })
    return true
  }

  function connect(ws: WebSocket, mapId: string, access: PeerAccess): void {
    const alive = ws as WebSocket & { crxAlive?: boolean }
    alive.crxAlive = true
    ws.on('pong', () => (alive.crxAlive = true))
    const peer: Peer = {
      id: `p${++nextPeer}`,
      send(frame) {
        if (ws.readyState === ws.OPEN) ws.send(frame, (err) => err && ws.terminate())
      },
      close(code, reason) {
        ws.close(code, reason)
      },
    }
    let closed = false
    const budget = createBudget(options.rateLimit ?? DEFAULT_RATE_LIMIT)
    // Frames queue behind the load, so the first sync answer reflects the store.
    let queue = rooms.acquire(mapId).then((room) => {
      if (!closed) room.join(peer, access)
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
      if (!budget.spend(frame.byteLength)) return peer.close(CLOSE_RATE_LIMITED, 'too many messages')
      queue = queue.then((room) => {
        // [PS8] Whatever a frame makes throw closes this socket only: a rejected queue would
        // be an unhandled rejection (which ends the process) and would skip room.leave on close.
        try {
          room.receive(peer, frame)
        } catch (err) {
          log(`frame on ${mapId} could not be handled`, err)
          peer.close(4400, 'malformed frame')
        }
        return room
      })
    })
    ws.on('close', () => {
      closed = true
      queue.then((room) => room.leave(peer)).finally(() => rooms.release(mapId)).catch(() => {})
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
    const live = rooms.live(mapId)
    if (!live) return
    const room = await live
    const affected = room.peersWhere((_, a) => !!a.userId && (userIds === 'all' || userIds.includes(a.userId)))
    for (const peer of affected) {
      const before = room.accessOf(peer)
      if (!before?.userId) continue
      const after = await lookup(before.userId)
      if (!after) {
        room.setAccess(peer, { ...before, canWrite: false })
        peer.close(CLOSE_ACCESS_REVOKED, 'access revoked')
      } else if (after.canWrite !== before.canWrite || after.role !== before.role) {
        // Writes stop now; the reconnect brings the new role to the client's UI.
        room.setAccess(peer, { ...before, canWrite: after.canWrite && before.canWrite })
        peer.close(CLOSE_ROLE_CHANGED, 'role changed')
      } else if (after.ownWork !== before.ownWork) {
        // [PA10] The policy is the server's to enforce: it applies to the next update, no reconnect needed.
        room.setAccess(peer, { ...before, ownWork: after.ownWork })
      }
    }
  }

  return {
    handleUpgrade,
    refreshAccess,
    rooms,
    /** For tests and live role changes: the access of connected peers can be changed in place. */
    async close(): Promise<void> {
      clearInterval(heartbeat)
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

function createBudget(limit: RateLimit) {
  let windowStart = Date.now()
  let messages = 0
  let bytes = 0
  return {
    spend(size: number): boolean {
      const now = Date.now()
      if (now - windowStart >= 1000) {
        windowStart = now
        messages = 0
        bytes = 0
      }
      messages++
      bytes += size
      return messages <= limit.messagesPerSecond && bytes <= limit.bytesPerSecond
    },
  }
}

function toBytes(data: unknown): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data as Buffer)
}
