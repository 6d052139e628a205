// [SY11] Next's own process under `npm start`: pages, routes and server actions on a loopback port. The sync
// process spawned it, forwards every request it does not answer itself, and answers its service calls.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import next from 'next'
import { registerServices, routeServicesFrom } from '../app/registry'
import { callOverChannel, type InitMessage } from './channel'

const root = path.resolve(import.meta.dirname, '../..')

// Without the sync process there is nothing to serve and nobody to answer calls: a kill -9 of it ends us too.
process.on('disconnect', () => process.exit(0))

const init = await new Promise<InitMessage>((resolve) =>
  process.once('message', (message) => resolve(message as InitMessage)),
)
registerServices(routeServicesFrom(init.constants, init.manifest, callOverChannel()))

// The public port, as Next would know it serving alone: it builds absolute addresses from it.
const app = next({ dev: false, dir: root, hostname: 'localhost', port: Number(process.env.PORT) || 3000 })
const handle = app.getRequestHandler()
await app.prepare()
const server = http.createServer((req, res) => void handle(req, res))
server.keepAliveTimeout = 65_000
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
process.send!({ type: 'ready', port: (server.address() as AddressInfo).port })

process.once('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
// Ctrl-C reaches the whole process group; the sync process decides when we stop.
process.on('SIGINT', () => {})
