import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { colorFor } from '@/core/presence/colors'
import { services } from '@/server/app/registry'
import { MAP_TOKEN_TTL_SECONDS, signMapToken } from '@/server/auth/mapTokens'
import { HttpError, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

/** A short-lived token for this map's websocket, carrying the caller's role and presence identity. */
export const GET = route({ params: z.object({ id: IdSchema }), needs: 'view' }, async ({ params, user, grant }) => {
  if (!user || !grant) throw new HttpError(401, 'unauthenticated', 'Join the map with a name first')
  const token = await signMapToken(services().secret, {
    sub: user.id,
    map: params.id,
    role: grant.role,
    name: user.name,
    color: colorFor(user.id),
    ...(grant.group ? { group: grant.group } : {}),
  })
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
    phaseSet: (await services().phases.of(params.id))?.set ?? [],
    anonymous: await services().anonymity.isOn(params.id),
    /** [PM1] Review mode: on for everyone's screen; `review` on the grant says whether it binds this person. */
    reviewMode: (await services().access.settings(params.id))?.review === true,
    review: grant.review,
    /** [PN1] Only owners see through the pseudonyms. */
    ...(grant.role === 'owner' && (await services().anonymity.isOn(params.id))
      ? { realNames: await services().anonymity.realNames(params.id) }
      : {}),
    /** [DB1] Owners: each member's team now (a moved student's work counts for their new team). */
    ...(grant.role === 'owner'
      ? {
          memberTeams: Object.fromEntries((await services().access.members(params.id)).map((m) => [m.userId, m.group])),
        }
      : {}),
    expiresIn: MAP_TOKEN_TTL_SECONDS,
  }
})
