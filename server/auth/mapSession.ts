import { colorFor } from '../../core/presence/colors'
import type { RouteServices } from '../app/registry'
import type { Grant } from './access'
import type { Role } from '../../core/permissions'
import { MAP_TOKEN_TTL_SECONDS, signMapToken } from './mapTokens'
import type { SessionUser } from './sessions'

/**
 * What the editor learns when it opens a map: a short-lived token for the map's socket, carrying the
 * caller's role and presence identity, and the map's classroom settings as they bind this person. Served by
 * the token route in Next and, without Next, by the sync process itself ([SY11]), from this one function.
 */
export async function mapSession(
  rs: Pick<RouteServices, 'secret' | 'phases' | 'anonymity' | 'access'>,
  mapId: string,
  user: SessionUser,
  grant: Grant & { role: Role },
) {
  const token = await signMapToken(rs.secret, {
    sub: user.id,
    map: mapId,
    role: grant.role,
    name: user.name,
    color: colorFor(user.id),
    ...(grant.group ? { group: grant.group } : {}),
  })
  const owner = grant.role === 'owner'
  // Only owners choose among the set (the bar shows everyone else the current phase alone): one read fewer.
  const phaseSet = owner ? ((await rs.phases.of(mapId))?.set ?? []) : []
  // The grant was read with the map's switches: no second read of the same row for them.
  const anonymous = grant.classroom.includes('a')
  return {
    token,
    role: grant.role,
    user: { id: user.id, name: user.name, color: colorFor(user.id) },
    /** The person's team on this map, for votes and evaluation perspectives. */
    group: grant.group,
    /** [PA10] Under the own-work policy: the editor shows others' nodes as not theirs to change. */
    ownWork: grant.ownWork,
    /** [PP5] Everyone's screen shows the current phase; the teacher picks among the set. */
    phase: grant.phase,
    phaseSet,
    anonymous,
    /** [PM1] Review mode: on for everyone's screen; `review` on the grant says whether it binds this person. */
    reviewMode: grant.classroom.includes('r'),
    review: grant.review,
    /** [PN1] Only owners see through the pseudonyms. */
    ...(owner && anonymous ? { realNames: await rs.anonymity.realNames(mapId) } : {}),
    /** [DB1] Owners: each member's team now (a moved student's work counts for their new team). */
    ...(owner
      ? { memberTeams: Object.fromEntries((await rs.access.members(mapId)).map((m) => [m.userId, m.group])) }
      : {}),
    expiresIn: MAP_TOKEN_TTL_SECONDS,
  }
}
