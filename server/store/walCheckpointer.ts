import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * [ST9] SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, on that
 * connection's thread: for the sync process, a commit on the event loop that suddenly copies the WAL
 * into the database and waits for the disk. So the store turns it off on its connections and this
 * worker thread, with a connection of its own, checkpoints in the background instead. PASSIVE never
 * waits for readers or writers; it copies what it can, and the next pass copies the rest.
 */
export interface WalCheckpointer {
  /** The last passes' results: frames in the WAL, and how many of them are in the database. */
  readonly passes: ReadonlyArray<{ walFrames: number; checkpointed: number }>
  stop(): Promise<void>
}

// Plain JavaScript evaluated in the worker: it runs outside any TypeScript loader.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs })
db.pragma('wal_autocheckpoint = 0')
const pass = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ walFrames: row.log, checkpointed: row.checkpointed })
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) })
  }
}
const timer = setInterval(pass, workerData.everyMs)
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); pass(); db.close(); parentPort.close() } })
`

export function startWalCheckpointer(
  file: string,
  options: { everyMs?: number; busyTimeoutMs: number; onError?: (message: string) => void },
): WalCheckpointer {
  const passes: Array<{ walFrames: number; checkpointed: number }> = []
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      file,
      everyMs: options.everyMs ?? 1000,
      busyTimeoutMs: options.busyTimeoutMs,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
  })
  worker.unref()
  worker.on('message', (m: { walFrames: number; checkpointed: number } | { error: string }) => {
    if ('error' in m) options.onError?.(m.error)
    else if (passes.push(m) > 100) passes.shift()
  })
  worker.on('error', (err) => options.onError?.(String(err.message)))
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    passes,
    async stop() {
      // Unref'd so an idle worker never keeps the process alive; held again for its last pass, or a process
      // with nothing else to do would exit under an unsettled stop() (a harness closing its services does).
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
