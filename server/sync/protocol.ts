import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** Message types of the y-websocket wire protocol (first varUint of a frame). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate

/** A decoded client frame; `bad` when it does not follow the protocol. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }
  | { type: 'bad'; reason: string }

export function readClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === SYNC_STEP1) return { type: 'sync-step1', stateVector: payload }
        // Step 2 and Update both carry a document update; both are writes.
        if (step === SYNC_STEP2 || step === SYNC_UPDATE) return { type: 'sync-update', update: payload }
        return { type: 'bad', reason: `unknown sync step ${step}` }
      }
      case MESSAGE_AWARENESS:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MESSAGE_QUERY_AWARENESS:
        return { type: 'query-awareness' }
      case MESSAGE_AUTH:
        return { type: 'auth' }
      default:
        return { type: 'bad', reason: `unknown message type ${type}` }
    }
  } catch {
    return { type: 'bad', reason: 'truncated frame' }
  }
}

export function writeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function writeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** A SyncStep2 carrying an update as it is (e.g. as the store holds it), with no doc to encode from. */
export function writeSyncStep2Of(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function writeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function writeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function writeAwarenessStates(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return writeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
}

/** The y-protocols auth message the stock client understands as "permission denied". */
export function writePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** The awareness update inside an awareness frame, or null for any other frame (or a broken one). */
export function awarenessPayload(frame: Uint8Array): Uint8Array | null {
  if (frame[0] !== MESSAGE_AWARENESS) return null
  try {
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    return decoding.readVarUint8Array(decoder)
  } catch {
    return null
  }
}
