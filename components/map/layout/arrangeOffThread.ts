'use client'
import type { ArgumentMap } from '@/core/graph'
import type { Placement, Size } from '@/core/layout/elk'
import type { ArrangeReply, ArrangeRequest } from './arrange.worker'

let worker: Worker | null = null
let nextId = 0
const pending = new Map<number, { resolve: (p: Placement[]) => void; reject: (e: Error) => void }>()

function startWorker(): Worker {
  const w = new Worker(new URL('./arrange.worker.ts', import.meta.url))
  w.onmessage = (e: MessageEvent<ArrangeReply>) => {
    const call = pending.get(e.data.id)
    pending.delete(e.data.id)
    if (!call) return
    if ('error' in e.data) call.reject(new Error(e.data.error))
    else call.resolve(e.data.positions)
  }
  // A worker that cannot start (or dies) fails what it was asked, and the next call starts afresh.
  w.onerror = (e) => {
    e.preventDefault()
    for (const call of pending.values())
      call.reject(new Error(`the layout worker failed: ${e.message || 'could not start'}`))
    pending.clear()
    w.terminate()
    worker = null
  }
  return w
}

/** elkjs auto-arrange in a Web Worker, so the page keeps drawing and taking input while it runs. */
export function arrangeOffThread(map: ArgumentMap, sizes: ReadonlyMap<string, Size>): Promise<Placement[]> {
  worker ??= startWorker()
  const id = nextId++
  const request: ArrangeRequest = { id, map, sizes: [...sizes] }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    worker!.postMessage(request)
  })
}
