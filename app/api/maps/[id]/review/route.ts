import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

/** [PM1] [PR9] Owners turn review mode on or off; live connections follow at once. */
export const PUT = route(
  { params: z.object({ id: IdSchema }), needs: 'manage', body: z.object({ review: z.boolean() }).strict() },
  async ({ params, body }) => {
    await services().access.setSettings(params.id, { review: body.review })
    return { review: body.review }
  },
)
