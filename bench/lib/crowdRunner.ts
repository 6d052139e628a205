import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import type { CrowdConfig, CrowdPerson, CrowdResult } from './crowd'
import { processTreeUsage } from './processTree'

const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')

export interface CrowdPlan extends Omit<CrowdConfig, 'people' | 'total'> {
  people: CrowdPerson[]
  /** People per client process. */
  perProcess: number
  /** Cursors move (untimed) this long before the window starts. */
  warmMs: number
  /** The timed window (for cursors; edits run until all are sent). */
  measureMs: number
  /** The server's process id, to read its CPU time and memory over the window. */
  serverPid: number
  /** Runs after everything was measured, before the clients leave (e.g. check what the server persisted). */
  whileConnected?: () => Promise<void>
}

export interface CrowdOutcome extends CrowdResult {
  /** From spawning the client processes to everyone synced (token fetches included). */
  connectAllMs: number
  windowMs: number
  serverCpuMs: number
  serverRssBytes: number
}

/**
 * Runs one crowd: spawns the client processes, waits until every person is
 * synced, starts everyone's clock at once, and merges what they measured.
 */
export async function runCrowd(plan: CrowdPlan): Promise<CrowdOutcome> {
  const { people, perProcess, warmMs, measureMs, serverPid, whileConnected, ...shared } = plan
  const groups: CrowdPerson[][] = []
  for (let i = 0; i < people.length; i += perProcess) groups.push(people.slice(i, i + perProcess))
  const t0 = performance.now()
  const workers = groups.map((group) => startWorker({ ...shared, people: group, total: people.length }))
  try {
    await Promise.all(workers.map((w) => w.next('ready')))
    const connectAllMs = performance.now() - t0
    const now = performance.timeOrigin + performance.now()
    const start = now + warmMs
    const end = start + measureMs
    for (const w of workers) w.child.stdin!.write(`go ${start} ${end}\n`)
    await new Promise((r) => setTimeout(r, Math.max(0, start - (performance.timeOrigin + performance.now()))))
    const before = processTreeUsage(serverPid, { sync: true })
    const results = await Promise.all(workers.map((w) => w.next('result')))
    const after = processTreeUsage(serverPid, { sync: true })
    await whileConnected?.()
    const merged = mergeResults(results.map((r) => (r as { result: CrowdResult }).result))
    return {
      ...merged,
      connectAllMs,
      windowMs: measureMs,
      serverCpuMs: after.cpuMs - before.cpuMs,
      serverRssBytes: after.rssBytes,
    }
  } finally {
    for (const w of workers) w.stop()
  }
}

function mergeResults(results: CrowdResult[]): CrowdResult {
  const sum = (f: (r: CrowdResult) => number) => results.reduce((n, r) => n + f(r), 0)
  return {
    connectMs: Math.max(...results.map((r) => r.connectMs)),
    presence: results.flatMap((r) => r.presence),
    movesSent: sum((r) => r.movesSent),
    edits: results.flatMap((r) => r.edits),
    expectedEditReceipts: sum((r) => r.expectedEditReceipts),
    duplicateEdits: sum((r) => r.duplicateEdits),
    firstEditAt: Math.min(...results.map((r) => r.firstEditAt).filter((t) => !Number.isNaN(t))),
    lastEditReceiptAt: Math.max(...results.map((r) => r.lastEditReceiptAt).filter((t) => !Number.isNaN(t))),
    closes: results.flatMap((r) => r.closes),
    disconnects: sum((r) => r.disconnects),
    framesIn: sum((r) => r.framesIn),
    bytesIn: sum((r) => r.bytesIn),
    framesOut: sum((r) => r.framesOut),
    bytesOut: sum((r) => r.bytesOut),
  }
}

function startWorker(config: CrowdConfig) {
  const child: ChildProcess = spawn(tsx, [path.join(root, 'bench/lib/crowd.ts')], {
    cwd: root,
    env: { ...process.env, CROWD_CONFIG: JSON.stringify(config), NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const waiting: Array<{ type: string; resolve: (v: unknown) => void; reject: (e: Error) => void }> = []
  // A message may arrive before anyone waits for it (a short window): kept until asked for.
  const inbox: Array<{ type?: string }> = []
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let msg: { type?: string }
    try {
      msg = JSON.parse(line)
    } catch {
      process.stderr.write(`[crowd] ${line}\n`)
      return
    }
    const i = waiting.findIndex((w) => w.type === msg.type)
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(msg)
    else inbox.push(msg)
  })
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`crowd process exited (${code}) before '${w.type}'`))
  })
  return {
    child,
    next(type: string): Promise<unknown> {
      const early = inbox.findIndex((m) => m.type === type)
      if (early >= 0) return Promise.resolve(inbox.splice(early, 1)[0])
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`crowd process: no '${type}' within 180 s`)), 180_000)
        waiting.push({
          type,
          resolve: (v) => (clearTimeout(timer), resolve(v)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        })
      })
    },
    stop() {
      child.stdin!.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      child.once('exit', () => clearTimeout(timer))
    },
  }
}
