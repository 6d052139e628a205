import { fork, type ChildProcess } from 'node:child_process'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import type { Services } from '../app/services'
import { callLocal, serviceManifest } from '../app/registry'
import { SECURITY_HEADERS } from '../http/securityHeaders'
import { answerCalls, ReadyMessage, type InitMessage } from './channel'

const CHILD = path.join(import.meta.dirname, 'child.ts')

/** Hop-by-hop headers belong to one connection and are not forwarded ([RFC 9110 §7.6.1]). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']

export interface Pages {
  /** Forwards a request to Next and its answer back; 502 in words while Next's process is down. */
  forward(req: IncomingMessage, res: ServerResponse): void
  stop(): Promise<void>
}

/** Waits between restarts of a Next process that died: doubling from 1 s, at most 30 s. */
const RESTART_FIRST_MS = 1000
const RESTART_MAX_MS = 30_000
/** A Next process that has not said it serves within this long is killed (and, after a death, tried again). */
const READY_WITHIN_MS = 120_000

/**
 * [SY11] Starts Next in a process of its own and resolves once it serves. Its heap, its garbage collection
 * and its patched globals stay off the frame path, and it loads no Yjs the sync process shares. If it dies,
 * pages answer 502 in words while it is started again; sockets and saving never notice.
 */
export async function startPages(services: Services, log: (msg: string) => void): Promise<Pages> {
  const call = callLocal(services)
  const init: InitMessage = {
    type: 'init',
    constants: { env: services.env, secret: services.secret },
    manifest: serviceManifest(services),
  }
  const spawn = async () => {
    const child = fork(CHILD, [], { serialization: 'advanced', stdio: 'inherit' })
    answerCalls(child, call, log)
    child.send(init)
    return { child, port: await readyPort(child) }
  }
  let current: { child: ChildProcess; port: number } | null = await spawn()
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })
  let stopping = false
  let restartMs = RESTART_FIRST_MS
  let restartTimer: ReturnType<typeof setTimeout> | undefined
  const scheduleRestart = () => {
    restartTimer = setTimeout(restart, restartMs)
    restartMs = Math.min(restartMs * 2, RESTART_MAX_MS)
  }
  const watch = (child: ChildProcess) =>
    child.once('exit', (code, signal) => {
      if (stopping) return
      current = null
      log(`Next's process ended (${signal ?? code}); pages answer 502 until it is back in ${restartMs / 1000} s`)
      scheduleRestart()
    })
  const restart = () => {
    spawn().then(
      (next) => {
        if (stopping) return void next.child.kill('SIGTERM')
        current = next
        restartMs = RESTART_FIRST_MS
        watch(next.child)
        log("Next's process is back")
      },
      (err: unknown) => {
        log(`Next's process did not start again: ${String((err as Error)?.message ?? err)}`)
        scheduleRestart()
      },
    )
  }
  watch(current.child)
  return {
    forward(req, res) {
      if (current) return forward(req, res, current.port, agent)
      unavailable(res)
    },
    async stop() {
      stopping = true
      clearTimeout(restartTimer)
      agent.destroy()
      const child = current?.child
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000)
      await exited
      clearTimeout(timer)
    },
  }
}

function unavailable(res: ServerResponse): void {
  if (res.headersSent) return void res.destroy()
  res
    .writeHead(502, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2' })
    .end('The pages are not answering; try again shortly.')
}

function readyPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`Next's process did not serve within ${READY_WITHIN_MS / 1000} s`))
    }, READY_WITHIN_MS)
    const settle = () => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const onMessage = (raw: unknown) => {
      const ready = ReadyMessage.safeParse(raw)
      if (!ready.success) return
      settle()
      resolve(ready.data.port)
    }
    const onExit = (code: number | null) => {
      settle()
      reject(new Error(`Next's process exited before it was ready (${code})`))
    }
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
  upstream.on('error', () => unavailable(res))
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
