import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { historyCall } from '@/server/history/http'
import { notFound, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

/** [HI2] One checkpoint, read-only: the map as it was. */
export const GET = route({ params: z.object({ id: IdSchema, cp: IdSchema }), needs: 'view' }, async ({ params }) => {
  const checkpoint = await services().history.get(params.id, params.cp)
  if (!checkpoint) throw notFound('checkpoint')
  return { checkpoint, map: await historyCall(() => services().history.graphAt(params.id, params.cp)) }
})
