import { can, type Action, type Role } from '../../core/permissions'
import type { Access, Grant } from './access'

/** Why a person may not do something to a map, in the words every caller shows. */
export type RoleRefusal = 'unauthenticated' | 'not_found' | 'forbidden'

/** The HTTP status of each refusal, for every caller that answers over HTTP. */
export const REFUSAL_STATUS: Record<RoleRefusal, number> = { unauthenticated: 401, not_found: 404, forbidden: 403 }

export type MapRoleCheck = { ok: true; role: Role; grant: Grant } | { ok: false; refusal: RoleRefusal; message: string }

const VERB: Record<Action, string> = {
  view: 'open this map',
  comment: 'comment on this map',
  edit: 'edit this map',
  manage: 'manage this map (only owners can)',
}

/**
 * [PH2] The one path from "this person, this map, this action" to yes or no: the role is read
 * from the database now, never from a token or the client. Someone with no role at all learns
 * nothing about whether the map exists.
 */
export async function checkMapRole(
  access: Pick<Access, 'grant'>,
  mapId: string,
  userId: string | null,
  action: Action,
): Promise<MapRoleCheck> {
  const grant = await access.grant(mapId, userId)
  if (!grant.role) {
    return userId
      ? { ok: false, refusal: 'not_found', message: 'No such map' }
      : { ok: false, refusal: 'unauthenticated', message: 'Sign in first' }
  }
  if (!can(grant.role, action))
    return { ok: false, refusal: 'forbidden', message: `Your role (${grant.role}) cannot ${VERB[action]}` }
  return { ok: true, role: grant.role, grant }
}

/** A refused check, thrown by `requireMapRole` and turned into each caller's error shape by its wrapper. */
export class MapRoleError extends Error {
  constructor(
    readonly refusal: RoleRefusal,
    message: string,
  ) {
    super(message)
  }
}
