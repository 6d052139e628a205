import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

/** [PN4] [PR9] Owners turn anonymity on or off, any time; live connections follow at once. */
export const PUT = route(
  { params: z.object({ id: IdSchema }), needs: 'manage', body: z.object({ anonymous: z.boolean() }).strict() },
  async ({ params, body }) => {
    await services().anonymity.set(params.id, body.anonymous)
    return { anonymous: body.anonymous }
  },
)
