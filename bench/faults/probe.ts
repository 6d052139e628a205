import * as Y from 'yjs'
import type { ArgNode } from '@/core/graph'
import { addNode, localOrigin, nodesOf, updateNode } from '@/core/ydoc'
import { connectClient, type Client } from '@/harness/syncHarness'

/**
 * The fault harness's people: writers add a claim every few ms (and reword
 * one the others wrote, so later updates depend on earlier ones); watchers
 * record when each claim first reached them. "Relayed" means a watcher saw it.
 */
const me = localOrigin()
export const ORIGIN = 'https://crux.example'

export interface Session {
  mapId: string
  token: string
}

export function join(wsBase: string, s: Session): Client {
  return connectClient(wsBase, s.mapId, new Y.Doc(), { token: s.token }, { origin: ORIGIN })
}

export function watch(client: Client): Map<string, number> {
  const seenAt = new Map<string, number>()
  const scan = () => {
    const now = Date.now()
    for (const id of nodesOf(client.doc).keys()) if (!seenAt.has(id)) seenAt.set(id, now)
  }
  client.doc.on('update', scan)
  scan()
  return seenAt
}

export function ids(doc: Y.Doc): Set<string> {
  return new Set(nodesOf(doc).keys())
}

/** Writes one claim every `everyMs`; returns a stop function and the write times. */
export function write(client: Client, prefix: string, everyMs = 5) {
  const writtenAt = new Map<string, number>()
  let seq = 0
  const timer = setInterval(() => {
    const id = `${prefix}-${++seq}`
    const node: ArgNode = { id, kind: 'claim', text: id, x: seq, y: 0, pinned: false }
    addNode(client.doc, node, me)
    writtenAt.set(id, Date.now())
    // Reword someone else's latest claim: a chain of dependencies across writers.
    const other = [...nodesOf(client.doc).keys()].reverse().find((k) => !k.startsWith(prefix))
    if (other && seq % 3 === 0) updateNode(client.doc, other, { text: `${other} reworded by ${prefix}` }, me)
  }, everyMs)
  return { writtenAt, stop: () => clearInterval(timer) }
}

export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<number> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - start
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Losses: ids a survivor had seen that the store does not hold, with their age at `crashAt`. */
export function losses(seen: Map<string, number>, stored: Set<string>, crashAt: number): number[] {
  return [...seen].filter(([id]) => !stored.has(id)).map(([, at]) => crashAt - at)
}

export function summarize(xs: number[]) {
  if (xs.length === 0) return { n: 0 }
  const s = [...xs].sort((a, b) => a - b)
  const pick = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { n: s.length, min: s[0], p50: pick(0.5), p95: pick(0.95), max: s.at(-1) }
}
