import * as Y from 'yjs'

/**
 * Docs joined by a network the test controls: every update waits in a
 * per-link queue until the test delivers, drops or reorders it.
 */
export class TestNetwork {
  readonly docs: Y.Doc[]
  private readonly queues = new Map<string, Uint8Array[]>()

  constructor(count: number) {
    this.docs = Array.from({ length: count }, () => new Y.Doc())
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK) return
        this.docs.forEach((_, to) => to !== from && this.queue(from, to).push(update))
      })
    })
  }

  private queue(from: number, to: number): Uint8Array[] {
    const key = `${from}>${to}`
    let q = this.queues.get(key)
    if (!q) this.queues.set(key, (q = []))
    return q
  }

  /** Links with something waiting, as [from, to] pairs. */
  busyLinks(): Array<[number, number]> {
    return [...this.queues].filter(([, q]) => q.length > 0).map(([k]) => k.split('>').map(Number) as [number, number])
  }

  /** Delivers the message at `index` on the link (out of order when index > 0). */
  deliver(from: number, to: number, index = 0): void {
    const q = this.queue(from, to)
    const [update] = q.splice(Math.min(index, q.length - 1), 1)
    if (update) Y.applyUpdate(this.docs[to]!, update, NETWORK)
  }

  drop(from: number, to: number, index = 0): void {
    const q = this.queue(from, to)
    q.splice(Math.min(index, q.length - 1), 1)
  }

  /** A reconnect: the two docs exchange what the other lacks (sync steps 1 and 2). */
  resync(a: number, b: number): void {
    const da = this.docs[a]!
    const db = this.docs[b]!
    Y.applyUpdate(db, Y.encodeStateAsUpdate(da, Y.encodeStateVector(db)), NETWORK)
    Y.applyUpdate(da, Y.encodeStateAsUpdate(db, Y.encodeStateVector(da)), NETWORK)
  }

  deliverAll(): void {
    for (let busy = this.busyLinks(); busy.length > 0; busy = this.busyLinks()) {
      for (const [from, to] of busy) this.deliver(from, to)
    }
  }

  healAll(): void {
    for (let a = 0; a < this.docs.length; a++) for (let b = a + 1; b < this.docs.length; b++) this.resync(a, b)
    this.deliverAll()
  }
}

const NETWORK = Symbol('network')
