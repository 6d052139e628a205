import { cookies, headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { IdSchema } from '../../core/graph'
import type { Action, Role } from '../../core/permissions'
import { env } from '../env'
import type { MapMeta } from '../maps'
import type { Grant } from '../auth/access'
import { checkMapRole, MapRoleError } from '../auth/mapRole'
import { SESSION_COOKIE, SESSION_TTL_DAYS, type SessionUser } from '../auth/sessions'
import { services } from './registry'

/** The signed-in person (account or guest) behind this request, if any. */
export async function currentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value
  return services().sessions.user(token)
}

/** Starts a session: httpOnly so scripts can't read it, SameSite=Lax so other sites can't post with it. */
export async function startSession(userId: string): Promise<void> {
  const { token, expiresAt } = await services().sessions.create(userId)
  // Secure behind HTTPS; a classroom laptop serving plain http on the LAN must still work.
  const secure = (await headers()).get('x-forwarded-proto') === 'https' || env().COOKIE_SECURE
  ;(await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
    maxAge: SESSION_TTL_DAYS * 86_400,
  })
}

export async function endSession(): Promise<void> {
  const jar = await cookies()
  await services().sessions.revoke(jar.get(SESSION_COOKIE)?.value)
  jar.delete(SESSION_COOKIE)
}

/**
 * [PH2] The caller's role on a map, checked for one action; throws MapRoleError when refused,
 * which each wrapper (route(), mapAction(), owner pages) turns into its own error shape.
 * Pass the user when the caller has already read it, to spare a second session lookup.
 */
export async function requireMapRole(
  mapId: string,
  action: Action,
  user?: SessionUser | null,
): Promise<{ user: SessionUser | null; role: Role; grant: Grant }> {
  const who = user === undefined ? await currentUser() : user
  const check = await checkMapRole(services().access, mapId, who?.id ?? null, action)
  if (!check.ok) throw new MapRoleError(check.refusal, check.message)
  return { user: who, role: check.role, grant: check.grant }
}

/**
 * The map an owner page is about, or a 404 for anyone who may not manage it
 * (a stranger must not learn that the map exists).
 */
export async function mapToManage(id: string): Promise<MapMeta> {
  if (!IdSchema.safeParse(id).success) notFound()
  const allowed = await requireMapRole(id, 'manage').then(
    () => true,
    (err: unknown) => {
      if (err instanceof MapRoleError) return false
      throw err
    },
  )
  const map = allowed ? await services().maps.get(id) : null
  if (!map) notFound()
  return map
}
