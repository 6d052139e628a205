import { z } from 'zod'
import { ReplySchema, ResolveSchema } from '@/core/comments'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { commentCall, commenterFor } from '@/server/comments/http'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const Params = z.object({ id: IdSchema, threadId: IdSchema })

/** [CM1] A reply. */
export const POST = route(
  { params: Params, body: ReplySchema, needs: 'comment' },
  async ({ params, body, user, grant }) => {
    const who = commenterFor(user, grant)
    return commentCall(() => services().comments.reply(params.id, params.threadId, who, body))
  },
)

/** [CM3] Resolve or reopen: anyone who may comment. */
export const PATCH = route(
  { params: Params, body: ResolveSchema, needs: 'comment' },
  async ({ params, body, user, grant }) => {
    const who = commenterFor(user, grant)
    return commentCall(() => services().comments.setResolved(params.id, params.threadId, who, body.resolved))
  },
)
