import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import type { RoomsClientConfig, RoomsClientResult } from './client'

const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')

/** One bench/rooms/client.ts process and its JSON-line conversation. */
export interface RoomsClientProcess {
  next<T>(type: string, timeoutMs?: number): Promise<T>
  send(line: string): void
  stop(): void
}

export function startRoomsClient(config: RoomsClientConfig): RoomsClientProcess {
  const child: ChildProcess = spawn(tsx, [path.join(import.meta.dirname, 'client.ts')], {
    cwd: root,
    env: { ...process.env, ROOMS_CONFIG: JSON.stringify(config), NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const inbox: Array<{ type: string }> = []
  const waiting: Array<{ type: string; resolve: (v: unknown) => void; reject: (e: Error) => void }> = []
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let msg: { type: string }
    try {
      msg = JSON.parse(line)
    } catch {
      process.stderr.write(`[rooms client] ${line}\n`)
      return
    }
    const i = waiting.findIndex((w) => w.type === msg.type)
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(msg)
    else inbox.push(msg)
  })
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`rooms client exited (${code}) before '${w.type}'`))
  })
  return {
    next<T>(type: string, timeoutMs = 300_000): Promise<T> {
      const early = inbox.findIndex((m) => m.type === type)
      if (early >= 0) return Promise.resolve(inbox.splice(early, 1)[0] as T)
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`rooms client: no '${type}' within ${timeoutMs / 1000} s`)),
          timeoutMs,
        )
        waiting.push({
          type,
          resolve: (v) => (clearTimeout(timer), resolve(v as T)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        })
      })
    },
    send(line) {
      child.stdin!.write(`${line}\n`)
    },
    stop() {
      child.stdin!.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      child.once('exit', () => clearTimeout(timer))
    },
  }
}

export type { RoomsClientResult }
