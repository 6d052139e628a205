import { fork, type ChildProcess } from 'node:child_process'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import type { Services } from '../app/services'
import { callLocal, serviceManifest } from '../app/registry'
import { answerCalls, ReadyMessage, type InitMessage } from './channel'

const CHILD = path.join(import.meta.dirname, 'child.ts')

/** Hop-by-hop headers belong to one connection and are not forwarded ([RFC 9110 §7.6.1]). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']

export interface Pages {
  /** Forwards a request to Next and its answer back. */
  forward(req: IncomingMessage, res: ServerResponse): void
  pid: number
  stop(): Promise<void>
}

/**
 * [SY11] Starts Next in a process of its own and resolves once it serves. Its heap, its garbage collection
 * and its patched globals stay off the frame path, and it loads no Yjs the sync process shares.
 */
export async function startPages(services: Services, log: (msg: string) => void): Promise<Pages> {
  const child = fork(CHILD, [], { serialization: 'advanced', stdio: 'inherit' })
  answerCalls(child, callLocal(services), log)
  const init: InitMessage = {
    type: 'init',
    constants: { env: services.env, secret: services.secret },
    manifest: serviceManifest(services),
  }
  child.send(init)
  const port = await readyPort(child)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })
  let stopping = false
  child.once('exit', (code, signal) => {
    if (!stopping) log(`Next's process ended (${signal ?? code}); pages answer 502 until a restart`)
  })
  return {
    pid: child.pid!,
    forward: (req, res) => forward(req, res, port, agent),
    async stop() {
      stopping = true
      agent.destroy()
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000)
      await exited
      clearTimeout(timer)
    },
  }
}

function readyPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      const ready = ReadyMessage.safeParse(raw)
      if (!ready.success) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(ready.data.port)
    }
    const onExit = (code: number | null) => reject(new Error(`Next's process exited before it was ready (${code})`))
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

function forward(req: IncomingMessage, res: ServerResponse, port: number, agent: http.Agent): void {
  const headers = withoutHopByHop(req.headers)
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? ''
  const upstream = http.request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers))
      answer.pipe(res)
    },
  )
  upstream.on('error', () => {
    if (res.headersSent) return void res.destroy()
    res
      .writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The pages are not answering; try again shortly.')
  })
  // A reader who goes away stops Next's work too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy()
  })
  req.pipe(upstream)
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers }
  for (const name of HOP_BY_HOP) delete out[name]
  return out
}
