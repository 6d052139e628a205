import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { PhaseSetSchema } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { HttpError, notFound, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const params = z.object({ id: IdSchema })

/** [PP5] The map's phase set and current phase, for anyone who may view it. */
export const GET = route({ params, needs: 'view' }, async ({ params }) => {
  const phases = await services().phases.of(params.id)
  if (!phases) throw notFound()
  return phases
})

/**
 * [PP1] [PR9] Owners move the map to a phase (or out of phases, `null`) and may
 * define their own set first; live connections follow at once ([PP5]).
 */
export const PUT = route(
  {
    params,
    needs: 'manage',
    body: z
      .object({ phase: z.string().trim().min(1).max(40).nullable().optional(), set: PhaseSetSchema.optional() })
      .strict(),
  },
  async ({ params, body }) => {
    if (body.set) await services().phases.define(params.id, body.set)
    if (body.phase !== undefined) {
      const result = await services().phases.set(params.id, body.phase)
      if (!result.ok) throw new HttpError(400, 'bad_phase', result.error)
    }
    return services().phases.of(params.id)
  },
)
