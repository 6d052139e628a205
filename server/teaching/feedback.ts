import { z } from 'zod'
import { CommentBodySchema, type ThreadView } from '../../core/comments'
import { IdSchema } from '../../core/graph'
import type { Comments } from '../comments/service'
import type { MapService } from '../maps'

/**
 * [PF1], [PF2] A teacher's feedback on a node, built on comments ([CM]): a
 * thread on the node started by an owner. Private feedback is a `teachers`
 * thread ([CM6]) that mentions the node's author, so only the map's owners
 * and that student read it; public feedback is an `everyone` thread. The
 * author is read by the server from the doc's authorship ([PA1]), never taken
 * from the request, so private feedback cannot be sent to a third student.
 */
export const FeedbackSchema = z.object({ nodeId: IdSchema, body: CommentBodySchema, private: z.boolean() }).strict()

export async function giveFeedback(
  deps: { maps: Pick<MapService, 'content'>; comments: Pick<Comments, 'startThread'> },
  mapId: string,
  teacherId: string,
  input: z.input<typeof FeedbackSchema>,
): Promise<ThreadView> {
  const valid = FeedbackSchema.parse(input)
  const { credits } = await deps.maps.content(mapId)
  const author = credits.records[valid.nodeId]?.createdBy
  const mentions = valid.private && author && author !== teacherId ? [author] : []
  return deps.comments.startThread(
    mapId,
    { userId: teacherId, owner: true },
    {
      target: { kind: 'node', id: valid.nodeId },
      body: valid.body,
      mentions,
      visibility: valid.private ? 'teachers' : 'everyone',
    },
  )
}
