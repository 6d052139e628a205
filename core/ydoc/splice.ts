import * as Y from 'yjs'
import { wellFormed } from './wellFormed'

/**
 * Rewrites a text field as the smallest splice from what it holds, so an edit
 * touches only the characters it changed and merges with someone else's edit
 * elsewhere in the same text. A field still holding a plain string (a doc
 * written before text became Y.Text) is replaced whole, once.
 */
export function setText(record: Y.Map<unknown>, key: string, raw: string): boolean {
  const next = wellFormed(raw)
  const current = record.get(key)
  if (!(current instanceof Y.Text)) {
    if (current === next) return false
    record.set(key, new Y.Text(next))
    return true
  }
  const prev = current.toString()
  if (prev === next) return false
  const { start, removed, inserted } = splice(prev, next)
  if (removed > 0) current.delete(start, removed)
  if (inserted) current.insert(start, inserted)
  return true
}

/** The one splice turning `prev` into `next`: common prefix and suffix kept, never splitting a surrogate pair. */
export function splice(prev: string, next: string): { start: number; removed: number; inserted: string } {
  const max = Math.min(prev.length, next.length)
  let start = 0
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--
  let end = 0
  while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--
  return { start, removed: prev.length - start - end, inserted: next.slice(start, next.length - end) }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff
