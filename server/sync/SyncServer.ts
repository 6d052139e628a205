import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { IdSchema } from '../../core/graph'
import type { MapStore } from '../store/MapStore'
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
  log?: (msg: string, err?: unknown) => void
}

const HEARTBEAT_MS = 30_000

/**
 * The y-websocket endpoint. It owns sockets and upgrades; documents, sync
 * and persistence live in Room. Each socket's frames are handled in order,
 * after its room has finished loading (the reference server answers early).
 */
export function createSyncServer(options: SyncServerOptions) {
  const path = options.path ?? '/ws'
  const log = options.log ?? ((msg, err) => console.error(`[sync] ${msg}`, err ?? ''))
  const rooms = new RoomRegistry(options.store, options.persist)
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
    // Frames queue behind the load, so the first sync answer reflects the store.
    let queue = rooms.acquire(mapId).then((room) => {
      if (!closed) room.join(peer, access)
      return room
    })
    queue.catch((err) => {
      log(`could not open map ${mapId}`, err)
      ws.close(1011, 'could not load map')
    })
    ws.on('error', (err) => log(`socket error on ${mapId}`, err))
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return peer.close(4400, 'binary frames only')
      const frame = toBytes(data)
      queue = queue.then((room) => {
        room.receive(peer, frame)
        return room
      })
    })
    ws.on('close', () => {
      closed = true
      queue.then((room) => room.leave(peer)).finally(() => rooms.release(mapId)).catch(() => {})
    })
  }

  return {
    handleUpgrade,
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

function toBytes(data: unknown): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data as Buffer)
}
