import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** JSON text of the state; "null" removes the client. */
  state: string
}

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const out: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    out.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: decoding.readVarString(decoder),
    })
  }
  return out
}

export function writeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.state)
  }
  return encoding.toUint8Array(encoder)
}

export interface AwarenessPolicy {
  /** Longest state JSON accepted, in characters. */
  maxStateChars: number
  /** Fields the server forces into the state (identity from the token). */
  identity?: Record<string, unknown>
  /**
   * The lowest clock the server will pass on for a client. A client that
   * reconnects restarts from the clock it had, below the one its removal
   * left everywhere; lifting it makes everyone see it again at once.
   */
  clockFloor?: (clientId: number) => number
  /** Top-level fields this connection may not set (e.g. a facilitator's requests to everyone): removed. */
  reservedFields?: readonly string[]
}

/**
 * A connection may speak only for the one clientID it first announced, with a
 * bounded state. Returns the update to apply (or null to drop the frame), and
 * the clientID to bind when none was bound yet.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  boundClientId: number | null,
  policy: AwarenessPolicy,
): { update: Uint8Array; clientId: number } | null {
  let entries: AwarenessEntry[]
  try {
    entries = readAwarenessEntries(update)
  } catch {
    return null
  }
  const clientId = boundClientId ?? entries[0]?.clientId
  if (clientId === undefined) return null
  const own = entries.filter((e) => e.clientId === clientId && e.state.length <= policy.maxStateChars)
  if (own.length === 0) return null
  const floor = policy.clockFloor?.(clientId) ?? 0
  const kept = own.map((e) => ({
    ...e,
    clock: Math.max(e.clock, floor),
    state: withIdentity(e.state, policy.identity, policy.reservedFields),
  }))
  if (kept.some((e) => e.state === '')) return null
  return { update: writeAwarenessEntries(kept), clientId }
}

function withIdentity(
  stateJson: string,
  identity: Record<string, unknown> | undefined,
  reserved: readonly string[] = [],
): string {
  if (stateJson === 'null') return stateJson
  let state: unknown
  try {
    state = JSON.parse(stateJson)
  } catch {
    return ''
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return ''
  const held = reserved.filter((field) => Object.hasOwn(state as object, field))
  if (!identity && held.length === 0) return stateJson
  const kept: Record<string, unknown> = { ...(state as Record<string, unknown>) }
  for (const field of held) delete kept[field]
  if (identity) kept.user = { ...((kept.user as object | undefined) ?? {}), ...identity }
  return JSON.stringify(kept)
}

/**
 * [PB1] True when the update is only an echo: every entry is for a clientID
 * that is not the connection's own, at a clock the server already has. The
 * stock client re-sends every awareness change it receives, so most of what
 * a busy room's sockets send is this. Reads clocks only: no JSON, no copies.
 */
export function isAwarenessEcho(
  update: Uint8Array,
  isOwn: (clientId: number) => boolean,
  knownClock: (clientId: number) => number | undefined,
): boolean {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count === 0) return false
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      decoding.readVarUint8Array(decoder) // the state's JSON, skipped unread
      if (isOwn(clientId)) return false
      const known = knownClock(clientId)
      if (known === undefined || clock > known) return false
    }
    return decoder.pos === update.length
  } catch {
    return false
  }
}
