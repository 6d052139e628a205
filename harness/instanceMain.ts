// One sync instance in its own process (the app's services and sockets, without Next), so a
// test or the fault harness can kill -9 it. Prints `ready on <ws base>` once listening.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleHealth } from '../server/app/health'
import { createServices } from '../server/app/services'
import { parseEnv } from '../server/env'

const services = await createServices(parseEnv(process.env))
const server = http.createServer((req, res) => void (handleHealth(req, res, services) || res.writeHead(404).end()))
server.on('upgrade', (req, socket, head) => {
  if (!services.sync.handleUpgrade(req, socket, head)) socket.destroy()
})
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve))
const { port } = server.address() as AddressInfo
console.log(`ready on ws://127.0.0.1:${port}/ws`)
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => void services.close().finally(() => process.exit(0)))
