/**
 * One bench person as the editor connects: the token fetched through the app
 * (with the session cookie and Origin) when there is an app, then a stock
 * y-websocket provider, resolved once synced. Shared by every client process
 * of the sync benches (crowd.ts, rooms/client.ts), so both servers are met
 * the same way.
 */
import http from 'node:http'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { CrowdPerson } from './crowd'

export interface Connected {
  index: number
  doc: Y.Doc
  provider: WebsocketProvider
}

/** Frames and bytes a client process saw while `on` (the bench's timed window). */
export interface TrafficCounter {
  on: boolean
  framesIn: number
  bytesIn: number
  framesOut: number
  bytesOut: number
}

export async function connectStockClient(options: {
  wsUrl: string
  /** Our app: the token route is `${appUrl}/api/maps/<id>/token`. */
  appUrl?: string
  mapId: string
  person: CrowdPerson
  counting?: TrafficCounter
  syncTimeoutMs?: number
}): Promise<Connected> {
  const { wsUrl, appUrl, mapId, person, counting, syncTimeoutMs = 60_000 } = options
  const headers: Record<string, string> = {}
  const params: Record<string, string> = {}
  if (appUrl) {
    headers.origin = appUrl
    if (person.cookie) headers.cookie = person.cookie
    const res = await getText(`${appUrl}/api/maps/${mapId}/token`, headers)
    if (res.status !== 200) throw new Error(`token fetch for person ${person.index}: ${res.status} ${res.body}`)
    params.token = (JSON.parse(res.body) as { token: string }).token
  }
  class CountingSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers })
      if (!counting) return
      // y-websocket asks for ArrayBuffers; ws hands those to 'message' listeners too.
      this.on('message', (data: ArrayBuffer | Buffer) => {
        if (!counting.on) return
        counting.framesIn++
        counting.bytesIn += data.byteLength
      })
    }
    override send(data: unknown, ...rest: unknown[]): void {
      if (counting?.on) {
        counting.framesOut++
        counting.bytesOut += (data as Uint8Array).byteLength
      }
      ;(super.send as (...a: unknown[]) => void)(data, ...rest)
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, mapId, doc, {
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  provider.awareness.setLocalState({
    user: { id: `bench-${person.index}`, name: `Person ${person.index}`, color: '#336699' },
    cursor: null,
    selection: [],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`person ${person.index} not synced within ${syncTimeoutMs / 1000} s`)),
      syncTimeoutMs,
    )
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return { index: person.index, doc, provider }
}

/**
 * The token fetch over node's own HTTP client, its connections kept alive as a browser keeps its
 * connection to the page's origin. `fetch` (undici) costs the client process several times more CPU per
 * request, and the client processes share the machine's two cores with the servers: the connect bench
 * would time the bench's HTTP client as much as our server.
 */
const keepAlive = new http.Agent({ keepAlive: true })

function getText(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: keepAlive }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}
