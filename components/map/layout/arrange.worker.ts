/// <reference lib="webworker" />
// Auto-arrange off the main thread: elkjs lays out a 1,000-node map in about a
// second, which on the main thread was one frozen frame of the same length.
import { autoArrange, type Size } from '@/core/layout/elk'
import type { ArgumentMap } from '@/core/graph'

export type ArrangeRequest = { id: number; map: ArgumentMap; sizes: Array<[string, Size]> }
export type ArrangeReply =
  { id: number; positions: Array<{ id: string; x: number; y: number }> } | { id: number; error: string }

self.onmessage = async (e: MessageEvent<ArrangeRequest>) => {
  const { id, map, sizes } = e.data
  let reply: ArrangeReply
  try {
    reply = { id, positions: await autoArrange(map, new Map(sizes)) }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) }
  }
  self.postMessage(reply)
}
