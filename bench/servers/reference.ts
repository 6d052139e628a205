/**
 * The bare reference server: @y/websocket-server's own `setupWSConnection`
 * behind the same 10 lines as its `src/server.js`, in memory, no persistence.
 * It uses its own nested ws@6, as it would when run with `npx y-websocket`.
 */
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { setupWSConnection } from '@y/websocket-server/utils'
import type { WebSocketServer } from 'ws'
import { serveUntilParentLeaves } from './lifecycle'

const root = path.resolve(import.meta.dirname, '../..')
const requireFromReference = createRequire(path.join(root, 'node_modules/@y/websocket-server/package.json'))
const ws = requireFromReference('ws') as { Server: typeof WebSocketServer }
const wsVersion = (requireFromReference('ws/package.json') as { version: string }).version

const wss = new ws.Server({ noServer: true })
wss.on('connection', setupWSConnection)

const httpServer = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay'))
httpServer.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (conn) => wss.emit('connection', conn, req))
})

await serveUntilParentLeaves(
  httpServer,
  async () => {
    for (const conn of wss.clients) conn.terminate()
    wss.close()
  },
  { ws: wsVersion },
)
