import type { IncomingMessage } from 'node:http'

/**
 * [PS2] A browser always sends Origin on a websocket upgrade and on
 * cross-site requests. Accept it only when it names this host itself, or an
 * origin listed in ALLOWED_ORIGINS; refuse a missing one.
 */
export function originAllowed(req: IncomingMessage, extra: readonly string[]): boolean {
  const origin = req.headers.origin
  if (!origin) return false
  if (extra.includes(origin)) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}
