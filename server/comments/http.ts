import { can, type Role } from '../../core/permissions'
import type { SessionUser } from '../auth/sessions'
import { HttpError } from '../http/route'
import type { Commenter } from './service'

/**
 * For comment routes, after `route()` checked the role they need (and handed over the grant it
 * read): who is acting (a signed-in person: guests have sessions too) and whether they own the map.
 */
export function commenterFor(user: SessionUser | null, grant: { role: Role } | null): Commenter {
  if (!user || !grant) throw new HttpError(401, 'unauthenticated', 'Sign in first')
  return { userId: user.id, owner: can(grant.role, 'manage') }
}

/** Runs a comments call, turning its refusals into the routes' one error shape ([PH4]). */
export async function commentCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw refusalAsHttp(err)
  }
}

/**
 * The service's refusals, as HTTP errors. Read by shape, not `instanceof`: Next bundles route code
 * apart from the custom server that runs the services, so a route holds its own copy of each class.
 */
export function refusalAsHttp(err: unknown): unknown {
  const e = err as { name?: unknown; status?: unknown; code?: unknown; message?: unknown } | null
  if (
    e &&
    (e.name === 'CommentRefused' || e.name === 'HistoryRefused') &&
    typeof e.status === 'number' &&
    typeof e.code === 'string'
  ) {
    return new HttpError(e.status, e.code, String(e.message))
  }
  return err
}
