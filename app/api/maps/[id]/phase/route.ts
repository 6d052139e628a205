import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { PHASE_NAME_MAX, PhaseSetSchema } from '@/core/permissions'
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
 * [PP1] [PR9] Owners move the map to a phase (or out of phases, `null`), and [PP6] replace its set; with both,
 * the phase is one of the new set, written together. [PP7] A set the schema refuses changes nothing, and the
 * error names the phase at fault. Live connections follow at once ([PP5]).
 */
export const PUT = route(
  {
    params,
    needs: 'manage',
    body: z
      .object({
        phase: z.string().trim().min(1).max(PHASE_NAME_MAX).nullable().optional(),
        set: PhaseSetSchema.optional(),
      })
      .strict(),
  },
  async ({ params, body }) => {
    const result = body.set
      ? await services().phases.define(params.id, body.set, body.phase)
      : body.phase !== undefined
        ? await services().phases.set(params.id, body.phase)
        : null
    if (result && !result.ok) throw new HttpError(400, 'bad_phase', result.error)
    return services().phases.of(params.id)
  },
)
