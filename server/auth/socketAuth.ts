import type { IncomingMessage } from 'node:http'
import { ROLES, can, rank, type Role } from '../../core/permissions'
import { colorFor } from '../../core/presence/colors'
import type { PeerAccess } from '../sync/peer'
import type { Access, Grant } from './access'
import { verifyMapToken } from './mapTokens'
import { decodeOrNull } from '../http/decode'
import { originAllowed } from './origin'
import { SESSION_COOKIE, type Sessions } from './sessions'

type Decision = PeerAccess | { reject: number; reason: string }

export interface SocketAuthDeps {
  secret: Uint8Array
  access: Access
  allowedOrigins: readonly string[]
  /** [PS1] Without a valid token, the session cookie the browser sends to its own origin admits too. */
  sessions?: Pick<Sessions, 'user'>
  /** The clock tokens and sessions are checked against (tests set it). */
  now?: () => number
}

/**
 * [PS1]–[PS4] The websocket admits a person from an allowed Origin, with a
 * valid token for this map or, failing that, a live session cookie, and with
 * the role they hold now (a token minted before a demotion grants nothing
 * more). The cookie is what lets the stock client reconnect by itself after
 * any outage: the token in its URL expires after two minutes, the session
 * after thirty days, and the Origin check stops other sites from riding it.
 */
export async function authorizeSocket(req: IncomingMessage, mapId: string, deps: SocketAuthDeps): Promise<Decision> {
  if (!originAllowed(req, deps.allowedOrigins)) return { reject: 403, reason: 'origin not allowed' }
  const now = deps.now?.() ?? Date.now()
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token')
  const check = token
    ? await verifyMapToken(deps.secret, token, mapId, now)
    : { ok: false as const, reason: 'missing token' }
  if (check.ok) {
    const { claims } = check
    const grant = await deps.access.grant(mapId, claims.sub)
    if (!grant.role) return { reject: 403, reason: 'no access to this map' }
    // [PN1] The server's pseudonym, never the name a token or client carries, while the map is anonymous.
    return peerAccess(
      claims.sub,
      weaker(grant.role, claims.role),
      { name: grant.pseudonym ?? claims.name, color: claims.color },
      grant,
    )
  }
  const user = await deps.sessions?.user(sessionCookie(req), new Date(now))
  if (!user) return { reject: 401, reason: check.reason }
  // [PS3] With the cookie, the role is exactly the one in the database now.
  const grant = await deps.access.grant(mapId, user.id)
  if (!grant.role) return { reject: 403, reason: 'no access to this map' }
  return peerAccess(user.id, grant.role, { name: grant.pseudonym ?? user.name, color: colorFor(user.id) }, grant)
}

/** What a live peer may do after a role change; null when nothing is left. */
export async function peerAccessNow(access: Access, mapId: string, userId: string): Promise<PeerAccess | null> {
  const grant = await access.grant(mapId, userId)
  if (!grant.role) return null
  return {
    userId,
    role: grant.role,
    canWrite: can(grant.role, 'edit'),
    ownWork: grant.ownWork,
    phase: grant.phase,
    pseudonym: grant.pseudonym,
    review: grant.review,
    classroom: grant.classroom,
    ...(grant.group ? { group: grant.group } : {}),
  }
}

/** [PA10] The own-work policy and the team travel with the connection: the update guard reads them. */
function peerAccess(
  userId: string,
  role: Role,
  shown: { name: string; color: string },
  grant: Pick<Grant, 'ownWork' | 'group' | 'phase' | 'pseudonym' | 'review' | 'classroom'>,
): PeerAccess {
  return {
    userId,
    role,
    canWrite: can(role, 'edit'),
    identity: { id: userId, ...shown },
    ownWork: grant.ownWork,
    phase: grant.phase,
    pseudonym: grant.pseudonym,
    review: grant.review,
    classroom: grant.classroom,
    ...(grant.group ? { group: grant.group } : {}),
  }
}

/** The session token in a request's cookie header, if any. */
export function sessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE)
      return decodeOrNull(part.slice(eq + 1).trim()) ?? undefined
  }
  return undefined
}

function weaker(a: Role, b: Role): Role {
  return ROLES[Math.min(rank(a), rank(b))]!
}
