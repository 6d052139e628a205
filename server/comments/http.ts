import { can } from '../../core/permissions'
import { services } from '../app/registry'
import type { SessionUser } from '../auth/sessions'
import { HttpError } from '../http/route'
import { CommentRefused, type Commenter } from './service'

/**
 * For comment routes, after `route()` checked the role they need: who is
 * acting (a signed-in person: guests have sessions too) and whether they own the map.
 */
export async function commenterFor(mapId: string, user: SessionUser | null): Promise<Commenter> {
  if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in first')
  const grant = await services().access.grant(mapId, user.id)
  return { userId: user.id, owner: can(grant.role, 'manage') }
}

/** Runs a comments call, turning its refusals into the routes' one error shape ([PH4]). */
export async function commentCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof CommentRefused) throw new HttpError(err.status, err.code, err.message)
    throw err
  }
}
