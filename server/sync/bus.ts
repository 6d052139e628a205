/**
 * How instances of the sync server behind one load balancer share live
 * traffic: each update and awareness change a room makes locally is
 * published; the other instances with that room open apply it. The database
 * stays the source of truth; the bus only makes edits visible sooner.
 */
export type BusKind = 'update' | 'awareness' | 'signal'

export interface RoomBus {
  readonly instanceId: string
  /** Subscribes to a map's traffic from other instances; resolves once subscribed. */
  join(mapId: string, onMessage: (kind: BusKind, data: Uint8Array) => void): Promise<() => Promise<void>>
  publish(mapId: string, kind: BusKind, data: Uint8Array): void
  /** Role changes reach sockets held by any instance. */
  onAccessChange(handler: (mapId: string, userIds: string[] | 'all') => void): Promise<void>
  publishAccessChange(mapId: string, userIds: string[] | 'all'): void
  /** Resolves when the bus answers (readiness checks). */
  ping(): Promise<void>
  close(): Promise<void>
}

/** `signal`: something outside the doc changed, e.g. the map's comments ([CM7]); the payload names it. */
const KIND_CODES: Record<BusKind, number> = { update: 0, awareness: 1, signal: 2 }
const KINDS: BusKind[] = ['update', 'awareness', 'signal']

/** Frame: [kind][instance id length][instance id][payload], so binary updates travel as they are. */
export function encodeBusFrame(instanceId: string, kind: BusKind, data: Uint8Array): Buffer {
  const id = Buffer.from(instanceId, 'utf8')
  return Buffer.concat([Buffer.from([KIND_CODES[kind], id.length]), id, data])
}

export function decodeBusFrame(frame: Buffer): { instanceId: string; kind: BusKind; data: Uint8Array } | null {
  if (frame.length < 2) return null
  const kind = KINDS[frame[0]!]
  const idEnd = 2 + frame[1]!
  if (!kind || frame.length < idEnd) return null
  return {
    kind,
    instanceId: frame.subarray(2, idEnd).toString('utf8'),
    data: new Uint8Array(frame.subarray(idEnd)),
  }
}

export const mapChannel = (mapId: string) => `crux:map:${mapId}`
export const ACCESS_CHANNEL = 'crux:access'
