import type { RemoteOrigin } from '../../core/ydoc'
import type { Phase } from '../../core/permissions'
import type { Writer } from './updateGuard'

/** One end of a connection, as the room sees it: the socket stays in SyncServer. It is the origin of what it sends. */
export interface Peer extends RemoteOrigin {
  readonly remote: 'socket'
  readonly id: string
  send(frame: Uint8Array): void
  /** [PB4] A reply to this peer's own request (SyncStep1, query-awareness): charged to its outbound budget. */
  reply(frame: Uint8Array): void
  /** [PB1] Presence relayed to this peer: its stock client may echo it once, for free. */
  sendPresence(frame: Uint8Array): void
  /** Bytes queued on this peer's socket, not yet sent ([PB3] slow peers skip presence). */
  readonly backlog: number
  close(code: number, reason: string): void
}

export interface PeerAccess {
  /** Who is connected, when known: live role changes find peers by it. */
  userId?: string
  role?: string
  canWrite: boolean
  /** Forced into the peer's awareness `user` field: nobody can pose as someone else. */
  identity?: { id: string; name: string; color: string }
  /** The person's team on this map, recorded with their clientIDs ([PA1]). */
  group?: string
  /** [PA7] Under the own-work policy: changes and deletes only their own records. */
  ownWork?: boolean
  /** [PP2] The map's current phase: what may be written in it. */
  phase?: Phase | null
  /** [PN1] The pseudonym this person is shown under while the map is anonymous. */
  pseudonym?: string | null
  /** [PM1] Review mode: this person's new nodes must arrive pending. */
  review?: boolean
  /** The map-wide classroom switches ('a' anonymous, 'r' review mode, the phase set's revision): a change reloads every screen. */
  classroom?: string
}

/** One Writer per access (a change of access is a new object): built once, not for every update. */
const writers = new WeakMap<PeerAccess, Writer>()

/**
 * The person behind a connection's writes. Only connections that name a
 * person are guarded; the app always does (bare test harnesses do not).
 */
export function writerOf(access: PeerAccess): Writer | null {
  if (!access.userId || !access.identity) return null
  let writer = writers.get(access)
  if (!writer) writers.set(access, (writer = newWriter(access as PeerAccess & { userId: string })))
  return writer
}

function newWriter(access: PeerAccess & { userId: string }): Writer {
  return {
    userId: access.userId,
    owner: access.role === 'owner',
    ownWork: access.ownWork === true,
    phase: access.phase ?? null,
    review: access.review === true,
    contributor: { ...access.identity!, userId: access.userId, ...(access.group ? { group: access.group } : {}) },
  }
}
