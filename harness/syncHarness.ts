import http from 'node:http'
import type { AddressInfo } from 'node:net'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createSyncServer, type SyncServerOptions } from '@/server/sync/SyncServer'
import type { MapStore } from '@/server/store/MapStore'

/** A real sync server on port 0, for tests and benchmarks. */
export async function startSyncServer(
  store: MapStore,
  overrides: Partial<SyncServerOptions> = {},
): Promise<{ url: string; port: number; server: ReturnType<typeof createSyncServer>; stop(): Promise<void> }> {
  const server = createSyncServer({
    store,
    persist: { delayMs: 10, compactAfter: 50, onError: () => {} },
    maxMessageBytes: 1024 * 1024,
    authorize: async () => ({ canWrite: true }),
    log: () => {},
    ...overrides,
  })
  const httpServer = http.createServer((_req, res) => res.writeHead(404).end())
  httpServer.on('upgrade', (req, socket, head) => {
    if (!server.handleUpgrade(req, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    port,
    server,
    async stop() {
      await server.close()
      httpServer.closeAllConnections()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
    },
  }
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  synced: Promise<void>
  destroy(): void
}

/**
 * A stock y-websocket client in Node, exactly as the browser uses it. Pass
 * `origin` to send the Origin header a browser would (the app's real
 * `authorize` refuses upgrades without one), and `headers` for the rest a
 * browser sends (its session cookie).
 */
export function connectClient(
  url: string,
  mapId: string,
  doc = new Y.Doc(),
  params?: Record<string, string>,
  options: { origin?: string; headers?: Record<string, string> } = {},
): Client {
  const headers = { ...options.headers, ...(options.origin ? { origin: options.origin } : {}) }
  const Socket =
    Object.keys(headers).length > 0
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers })
          }
        }
      : WebSocket
  const provider = new WebsocketProvider(url, mapId, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', (s: boolean) => s && resolve())
  })
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
