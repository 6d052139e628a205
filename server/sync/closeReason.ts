/** A websocket close frame carries at most this many bytes of reason (RFC 6455 §5.5). */
export const CLOSE_REASON_MAX_BYTES = 123

/**
 * [PP7] A close reason cut to what a close frame holds, never mid-character.
 * Reasons quote what people wrote (a phase's name in "during …", [PP2]), and
 * `ws` throws on a longer one, which turned a refusal into "malformed update".
 */
export function fitCloseReason(reason: string): string {
  const encoder = new TextEncoder()
  if (encoder.encode(reason).byteLength <= CLOSE_REASON_MAX_BYTES) return reason
  let out = ''
  let bytes = 0
  for (const ch of reason) {
    const size = encoder.encode(ch).byteLength
    if (bytes + size > CLOSE_REASON_MAX_BYTES - 3) break
    out += ch
    bytes += size
  }
  return `${out}…`
}
