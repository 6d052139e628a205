import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { commentCall } from '@/server/comments/http'
import { HttpError, route } from '@/server/http/route'
import { FeedbackSchema, giveFeedback } from '@/server/teaching/feedback'

export const dynamic = 'force-dynamic'

/** [PF1] [PR9] Only owners (teachers) give feedback on a node, private to its author or public. */
export const POST = route(
  { params: z.object({ id: IdSchema }), body: FeedbackSchema, needs: 'manage' },
  async ({ params, body, user }) => {
    if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in first')
    return commentCall(() => giveFeedback(services(), params.id, user.id, body))
  },
)
