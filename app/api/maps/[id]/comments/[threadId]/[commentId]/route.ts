import { z } from 'zod'
import { EditCommentSchema } from '@/core/comments'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { commentCall, commenterFor } from '@/server/comments/http'
import { route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const Params = z.object({ id: IdSchema, threadId: IdSchema, commentId: IdSchema })

/** [CM3] Its author edits a comment. */
export const PATCH = route(
  { params: Params, body: EditCommentSchema, needs: 'comment' },
  async ({ params, body, user, grant }) => {
    const who = commenterFor(user, grant)
    return commentCall(() => services().comments.edit(params.id, params.threadId, params.commentId, who, body))
  },
)

/** [CM3] Its author (or an owner) deletes a comment. */
export const DELETE = route({ params: Params, needs: 'comment' }, async ({ params, user, grant }) => {
  const who = commenterFor(user, grant)
  await commentCall(() => services().comments.remove(params.id, params.threadId, params.commentId, who))
  return { ok: true }
})
