import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { historyCall } from '@/server/history/http'
import { HttpError, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const Query = z.object({ from: IdSchema, to: IdSchema.optional() })

/** [HI2] GET ?from=<checkpoint>&to=<checkpoint>: what changed; without `to`, up to the map as it is now. */
export const GET = route({ params: z.object({ id: IdSchema }), needs: 'view' }, async ({ params, req }) => {
  const query = Query.safeParse(Object.fromEntries(req.nextUrl.searchParams))
  if (!query.success)
    throw new HttpError(400, 'bad_query', 'from (and optionally to) must name checkpoints', query.error.issues)
  return historyCall(() => services().history.diff(params.id, query.data.from, query.data.to))
})
