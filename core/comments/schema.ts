import { z } from 'zod'
import { IdSchema } from '../graph'

/**
 * Comments on a map ([CM] in core/permissions/SPEC.md). They are not part of
 * the map's document: a commenter writes here and never the map ([PS4]).
 */

/** [CM4] At most this many characters in one comment, and this many mentions. */
export const COMMENT_MAX = 2000
export const MENTIONS_MAX = 20

export const COMMENT_TARGET_KINDS = ['node', 'relation'] as const
export const CommentTargetSchema = z.object({ kind: z.enum(COMMENT_TARGET_KINDS), id: IdSchema })
export type CommentTarget = z.infer<typeof CommentTargetSchema>

/**
 * [CM6] Who reads a thread: 'everyone' with access to the map, or 'teachers':
 * the map's owners, the thread's author and the people its comments mention.
 */
export const VISIBILITIES = ['everyone', 'teachers'] as const
export const VisibilitySchema = z.enum(VISIBILITIES)
export type Visibility = z.infer<typeof VisibilitySchema>

/** A comment's words: trimmed, not empty, bounded, no control characters but newlines and tabs. */
export const CommentBodySchema = z
  .string()
  .transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').trim())
  .pipe(
    z.string().min(1, 'A comment needs some words').max(COMMENT_MAX, `A comment has at most ${COMMENT_MAX} characters`),
  )

const MentionsSchema = z.array(z.string().min(1).max(128)).max(MENTIONS_MAX).default([])

export const NewThreadSchema = z.object({
  target: CommentTargetSchema,
  body: CommentBodySchema,
  mentions: MentionsSchema,
  visibility: VisibilitySchema.default('everyone'),
})
export type NewThread = z.infer<typeof NewThreadSchema>

export const ReplySchema = z.object({ body: CommentBodySchema, mentions: MentionsSchema })
export const EditCommentSchema = ReplySchema
export const ResolveSchema = z.object({ resolved: z.boolean() })

/** One comment as the API returns it. Deleted comments keep their place without their words. */
export interface CommentView {
  id: string
  author: { id: string; name: string }
  body: string
  mentions: Array<{ id: string; name: string }>
  createdAt: string
  editedAt: string | null
  deleted: boolean
}

export interface ThreadView {
  id: string
  target: CommentTarget
  visibility: Visibility
  createdBy: string
  createdAt: string
  resolved: { by: string; at: string } | null
  comments: CommentView[]
}

/** Someone with access to the map, who can be mentioned. */
export interface Mentionable {
  id: string
  name: string
}
