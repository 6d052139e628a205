import { z } from 'zod'
import { NewThreadSchema } from '@/core/comments'
import { IdSchema } from '@/core/graph'
import { can } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { commentCall, commenterFor } from '@/server/comments/http'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const Params = z.object({ id: IdSchema })

/** [CM1] Anyone who may view reads the threads they may see ([CM6]), and who can be mentioned. */
export const GET = route({ params: Params, needs: 'view' }, async ({ params, user, grant }) => {
  const { comments } = services()
  const [threads, people] = await Promise.all([
    comments.list(params.id, { userId: user?.id ?? null, owner: can(grant?.role, 'manage') }),
    comments.people(params.id),
  ])
  return new Response(JSON.stringify({ threads, people }), {
    headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' },
  })
})

/** [CM1] Commenters and up start a thread on a node or relation. */
export const POST = route(
  { params: Params, body: NewThreadSchema, needs: 'comment' },
  async ({ params, body, user, grant }) => {
    const who = commenterFor(user, grant)
    return commentCall(() => services().comments.startThread(params.id, who, body))
  },
)
