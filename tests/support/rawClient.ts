import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * A hand-built y-protocols client for hostile-client tests: it sends exactly
 * the bytes a test chooses (nothing automatic, unlike y-websocket's provider)
 * and records everything the server answers, plus how the socket ended.
 */

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const MESSAGE_QUERY_AWARENESS = 3

// ---- frames a client can send -------------------------------------------------

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** SyncStep1: "here is my state vector, send me what I lack". */
export function syncStep1Frame(doc: Y.Doc = new Y.Doc()): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(e, doc)
  })
}

/** SyncStep2 carrying an arbitrary update: a write disguised as a handshake answer. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    syncProtocol.writeUpdate(e, update)
  })
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** Any JSON text, or raw garbage: the point is to send what a real client would not. */
  state: string
}

/** An awareness frame with hand-chosen entries (clientIDs, clocks, state text). */
export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(inner, entry.clientId)
      encoding.writeVarUint(inner, entry.clock)
      encoding.writeVarString(inner, entry.state)
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  })
}

export function queryAwarenessFrame(): Uint8Array {
  return frame((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS))
}

/** The whole update of a throwaway doc after `write`: a realistic, valid Yjs update. */
export function updateOf(write: (doc: Y.Doc) => void, clientID?: number): Uint8Array {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  write(doc)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

// ---- what the server sends back ----------------------------------------------

export type ServerMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; states: Map<number, unknown> }
  | { type: 'permission-denied'; reason: string }
  | { type: 'query-awareness' }
  | { type: 'unknown'; bytes: Uint8Array }

export function decodeServerFrame(bytes: Uint8Array): ServerMessage {
  try {
    const d = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(d)
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      if (step === syncProtocol.messageYjsSyncStep1) return { type: 'sync-step1', stateVector: payload }
      if (step === syncProtocol.messageYjsSyncStep2) return { type: 'sync-step2', update: payload }
      if (step === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload }
    } else if (type === MESSAGE_AWARENESS) {
      const inner = decoding.createDecoder(decoding.readVarUint8Array(d))
      const states = new Map<number, unknown>()
      const count = decoding.readVarUint(inner)
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(inner)
        decoding.readVarUint(inner) // clock
        states.set(clientId, JSON.parse(decoding.readVarString(inner)))
      }
      return { type: 'awareness', states }
    } else if (type === MESSAGE_AUTH) {
      // y-protocols/auth: 0 = permission denied, followed by the reason.
      if (decoding.readVarUint(d) === 0) return { type: 'permission-denied', reason: decoding.readVarString(d) }
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      return { type: 'query-awareness' }
    }
  } catch {
    // falls through to unknown: a test may well want to see what the server sent
  }
  return { type: 'unknown', bytes }
}

// ---- the connection -------------------------------------------------------------

export interface ConnectOptions {
  /** Sent as the Origin header; omit to send none (a non-browser client). */
  origin?: string
  /** `?token=`; omit for none. */
  token?: string
  headers?: Record<string, string>
}

export interface Closed {
  code: number
  reason: string
}

export interface RawClient {
  readonly ws: WebSocket
  /** Every frame the server sent, decoded, in order. */
  readonly received: ServerMessage[]
  /** A local replica built from what the server sent, so a test sees what a client would see. */
  readonly doc: Y.Doc
  /** Resolves when the socket ends, however it ends. */
  readonly closed: Promise<Closed>
  readonly isOpen: boolean
  send(bytes: Uint8Array): void
  /** Resolves at the first received message of `type` at index `from` or later; rejects after `ms`. */
  waitFor<T extends ServerMessage['type']>(
    type: T,
    ms?: number,
    from?: number,
  ): Promise<Extract<ServerMessage, { type: T }>>
  close(): void
}

export type UpgradeResult = { ok: true; client: RawClient } | { ok: false; status: number; body: string }

/** Opens `${base}/${mapId}` and reports either a live client or the HTTP status the upgrade was refused with. */
export function tryConnect(base: string, mapId: string, options: ConnectOptions = {}): Promise<UpgradeResult> {
  const url = `${base}/${encodeURIComponent(mapId)}${options.token !== undefined ? `?token=${encodeURIComponent(options.token)}` : ''}`
  const headers = { ...options.headers, ...(options.origin !== undefined ? { origin: options.origin } : {}) }
  const ws = new WebSocket(url, { headers })
  ws.binaryType = 'nodebuffer'
  const received: ServerMessage[] = []
  const doc = new Y.Doc()
  const waiters: Array<() => void> = []
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data)
    const message = decodeServerFrame(bytes)
    received.push(message)
    if (message.type === 'sync-step2' || message.type === 'update') {
      try {
        Y.applyUpdate(doc, message.update, 'server')
      } catch {
        // a broken relay would show up as a doc mismatch in the test
      }
    }
    for (const w of waiters.splice(0)) w()
  })
  const closed = new Promise<Closed>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  ws.on('error', () => {}) // the close event carries what tests need

  const client: RawClient = {
    ws,
    received,
    doc,
    closed,
    get isOpen() {
      return ws.readyState === WebSocket.OPEN
    },
    send(bytes) {
      if (ws.readyState === WebSocket.OPEN) ws.send(bytes)
    },
    waitFor(type, ms = 5000, from = 0) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`no ${type} message within ${ms} ms`)), ms)
        const check = () => {
          const hit = received.slice(from).find((m) => m.type === type)
          if (hit) {
            clearTimeout(deadline)
            resolve(hit as never)
          } else waiters.push(check)
        }
        check()
      })
    },
    close() {
      ws.close()
    },
  }

  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ok: true, client }))
    ws.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ ok: false, status: res.statusCode ?? 0, body }))
      res.on('error', () => resolve({ ok: false, status: res.statusCode ?? 0, body }))
    })
    ws.once('error', (err) => resolve({ ok: false, status: 0, body: String(err) }))
  })
}

/** Like tryConnect, but the test expects to get in. */
export async function connectRaw(base: string, mapId: string, options: ConnectOptions): Promise<RawClient> {
  const result = await tryConnect(base, mapId, options)
  if (!result.ok) throw new Error(`upgrade refused: ${result.status} ${result.body.trim()}`)
  return result.client
}

/** Does the normal handshake (SyncStep1 both ways) and waits until the replica holds the server's state. */
export async function handshake(client: RawClient): Promise<void> {
  client.send(syncStep1Frame(client.doc))
  await client.waitFor('sync-step2')
}
