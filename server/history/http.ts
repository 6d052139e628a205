import type { Contributor } from '../../core/graph'
import { colorFor } from '../../core/presence/colors'
import type { Grant } from '../auth/access'
import type { SessionUser } from '../auth/sessions'
import { HttpError } from '../http/route'
import { refusalAsHttp } from '../comments/http'

/** The person restoring or naming a checkpoint, as the trash and authorship know people ([PA1]). */
export function contributorFor(user: SessionUser | null, grant: Grant | null): Contributor {
  if (!user || !grant) throw new HttpError(401, 'unauthenticated', 'Sign in first')
  return { userId: user.id, name: user.name, color: colorFor(user.id), ...(grant.group ? { group: grant.group } : {}) }
}

export async function historyCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw refusalAsHttp(err)
  }
}
