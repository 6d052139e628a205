import { anchor } from '@/core/convert/markdown'

/**
 * The node a URL fragment names: `#node-<id>` (the outline's anchors) or a
 * bare `#<id>`. Only ids that exist count, so `#node-x` still works when a
 * node's own id starts with "node-".
 */
export function nodeIdFromHash(hash: string, ids: ReadonlySet<string>): string | null {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash
  try {
    raw = decodeURIComponent(raw)
  } catch {
    return null
  }
  const prefix = anchor('')
  if (raw.startsWith(prefix) && ids.has(raw.slice(prefix.length))) return raw.slice(prefix.length)
  return ids.has(raw) ? raw : null
}
