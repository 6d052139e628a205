import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { contributorFor, historyCall } from '@/server/history/http'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const Body = z.object({
  /** Only these nodes; omitted: the whole map. */
  nodes: z.array(IdSchema).min(1).max(5000).optional(),
  /** Also remove what was made after the checkpoint, within the scope. */
  removeNewer: z.boolean().default(false),
})

/** [HI3] An owner restores the whole map or chosen nodes to a checkpoint, as a new change. */
export const POST = route(
  { params: z.object({ id: IdSchema, cp: IdSchema }), body: Body, needs: 'manage' },
  async ({ params, body, user, grant }) => {
    const by = contributorFor(user, grant)
    return historyCall(() =>
      services().history.restore(params.id, params.cp, { nodes: body.nodes, removeNewer: body.removeNewer }, by),
    )
  },
)
