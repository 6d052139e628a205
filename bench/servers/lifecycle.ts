import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import readline from 'node:readline'

/** The one line a server child prints on stdout once it accepts sockets. */
export interface ReadyLine {
  port: number
  /** Free-form facts worth recording with the results (e.g. persistence settings). */
  settings?: Record<string, string | number>
}

/** Reply to a `stats` line on stdin: how late this process's event loop ran since the previous `stats`. */
export interface StatsLine {
  eventLoopDelayMs: { p50: number; p99: number; max: number }
}

/**
 * Listens on an ephemeral port, announces it on stdout, and shuts down on
 * SIGTERM/SIGINT or when the parent's end of stdin closes. The stdin check
 * matters because tsx runs us in a grandchild process: if the bench dies
 * without signalling, a closed pipe is the only news we get.
 * A `stats` line on stdin is answered with a StatsLine and restarts the
 * event-loop delay histogram, so the bench can bracket exactly its timed window.
 */
export async function serveUntilParentLeaves(
  httpServer: http.Server,
  stop: () => Promise<void>,
  settings?: ReadyLine['settings'],
): Promise<void> {
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  const ready: ReadyLine = { port, settings }
  process.stdout.write(`${JSON.stringify(ready)}\n`)

  let stopping = false
  const shutdown = () => {
    if (stopping) return
    stopping = true
    httpServer.closeAllConnections()
    httpServer.close()
    stop()
      .catch((err) => console.error('[bench server] shutdown failed', err))
      .finally(() => process.exit(0))
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  process.stdin.on('end', shutdown)
  process.stdin.on('close', shutdown)

  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const ms = (ns: number) => Math.round(ns / 1e4) / 100
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'stats') return
    const stats: StatsLine = {
      eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
    }
    process.stdout.write(`${JSON.stringify(stats)}\n`)
    delay.reset()
  })
}
