import type { IncomingMessage } from 'node:http'
import { ROLES, can, rank, type Role } from '../../core/permissions'
import type { PeerAccess } from '../sync/Room'
import type { Access } from './access'
import { verifyMapToken } from './mapTokens'
import { originAllowed } from './origin'

type Decision = PeerAccess | { reject: number; reason: string }

/**
 * [PS1]–[PS4] The websocket admits a person only with a valid token for this
 * map, from an allowed Origin, and with the weaker of the token's role and
 * the role they hold now (a token minted before a demotion grants nothing more).
 */
export async function authorizeSocket(
  req: IncomingMessage,
  mapId: string,
  deps: { secret: Uint8Array; access: Access; allowedOrigins: readonly string[] },
): Promise<Decision> {
  if (!originAllowed(req, deps.allowedOrigins)) return { reject: 403, reason: 'origin not allowed' }
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token')
  if (!token) return { reject: 401, reason: 'missing token' }
  const check = await verifyMapToken(deps.secret, token, mapId)
  if (!check.ok) return { reject: 401, reason: check.reason }
  const { claims } = check
  const grant = await deps.access.grant(mapId, claims.sub)
  if (!grant.role) return { reject: 403, reason: 'no access to this map' }
  const role = weaker(grant.role, claims.role)
  return {
    userId: claims.sub,
    role,
    canWrite: can(role, 'edit'),
    identity: { id: claims.sub, name: claims.name, color: claims.color },
    ownWork: grant.ownWork,
    ...(grant.group ? { group: grant.group } : {}),
  }
}

/** What a live peer may do after a role change; null when nothing is left. */
export async function peerAccessNow(access: Access, mapId: string, userId: string): Promise<PeerAccess | null> {
  const grant = await access.grant(mapId, userId)
  return grant.role ? { userId, role: grant.role, canWrite: can(grant.role, 'edit'), ownWork: grant.ownWork } : null
}

function weaker(a: Role, b: Role): Role {
  return ROLES[Math.min(rank(a), rank(b))]!
}
