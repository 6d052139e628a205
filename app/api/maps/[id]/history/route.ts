import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { contributorFor } from '@/server/history/http'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const Params = z.object({ id: IdSchema })

/** [HI2] The timeline: every checkpoint, oldest first. */
export const GET = route({ params: Params, needs: 'view' }, async ({ params }) => ({
  checkpoints: await services().history.list(params.id),
}))

/** [HI1] The facilitator (an owner) names the map as it is now. */
export const POST = route(
  {
    params: Params,
    body: z.object({ name: z.string().trim().min(1, 'Give the checkpoint a name').max(120) }),
    needs: 'manage',
  },
  async ({ params, body, user, grant }) => services().history.named(params.id, body.name, contributorFor(user, grant)),
)
