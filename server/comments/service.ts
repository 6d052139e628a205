import { newId } from '../../core/graph'
import {
  EditCommentSchema,
  NewThreadSchema,
  ReplySchema,
  threadVisibleTo,
  type CommentView,
  type Mentionable,
  type NewThread,
  type ThreadView,
  type Visibility,
} from '../../core/comments'
import type { Access } from '../auth/access'
import type { Db } from '../db/client'
import type { MapService } from '../maps'
import type { z } from 'zod'

/** A refusal the routes turn into an HTTP error ([PH4]): the service never trusts the UI to have hidden a button. */
export class CommentRefused extends Error {
  constructor(
    readonly status: 403 | 404 | 400,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'CommentRefused'
  }
}

/** Who is acting. The route has checked the role ([CM1]); `owner` widens what they may see and delete. */
export interface Commenter {
  userId: string
  owner: boolean
}

/** Who is reading: anyone who may view, signed in or not. */
export type Reader = { userId: string | null; owner: boolean }

type ThreadRow = {
  id: string
  targetKind: string
  targetId: string
  visibility: string
  createdBy: string
  createdAt: Date
  resolvedAt: Date | null
  resolvedBy: string | null
  comments: Array<{
    id: string
    authorId: string
    body: string
    mentions: string
    createdAt: Date
    editedAt: Date | null
    deletedAt: Date | null
    author: { name: string }
  }>
}

const parseMentions = (raw: string): string[] => {
  try {
    const v = JSON.parse(raw) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/**
 * Comments on a map, in the database ([CM] in core/permissions/SPEC.md).
 * Nothing here touches the map's document: comments are never a way to
 * write the map ([CM2]). Every change calls `changed(mapId)`, which tells the
 * map's open editors to fetch again ([CM7]).
 */
export function createComments(db: Db, access: Access, maps: MapService, changed: (mapId: string) => void) {
  /** [CM5] Everyone who has access to the map by name: its members and the people who wrote in it. */
  async function people(mapId: string): Promise<Mentionable[]> {
    const byId = new Map<string, string>()
    for (const m of await access.members(mapId)) byId.set(m.userId, m.name)
    for (const p of await maps.contributors(mapId)) if (!byId.has(p.userId)) byId.set(p.userId, p.name)
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
  }

  async function view(mapId: string, rows: ThreadRow[], viewer: Reader): Promise<ThreadView[]> {
    const names = new Map((await people(mapId)).map((p) => [p.id, p.name]))
    const out: ThreadView[] = []
    for (const t of rows) {
      const mentioned = t.comments.flatMap((c) => parseMentions(c.mentions))
      if (!threadVisibleTo({ visibility: t.visibility, createdBy: t.createdBy, mentioned }, viewer)) continue
      out.push({
        id: t.id,
        target: { kind: t.targetKind === 'relation' ? 'relation' : 'node', id: t.targetId },
        visibility: (t.visibility === 'teachers' ? 'teachers' : 'everyone') as Visibility,
        createdBy: t.createdBy,
        createdAt: t.createdAt.toISOString(),
        resolved:
          t.resolvedAt && t.resolvedBy
            ? { by: names.get(t.resolvedBy) ?? 'someone', at: t.resolvedAt.toISOString() }
            : null,
        comments: t.comments.map((c): CommentView => ({
          id: c.id,
          author: { id: c.authorId, name: c.author.name },
          body: c.deletedAt ? '' : c.body,
          mentions: c.deletedAt
            ? []
            : parseMentions(c.mentions).map((id) => ({ id, name: names.get(id) ?? 'someone' })),
          createdAt: c.createdAt.toISOString(),
          editedAt: c.editedAt?.toISOString() ?? null,
          deleted: c.deletedAt !== null,
        })),
      })
    }
    return out
  }

  const include = {
    comments: {
      orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
      include: { author: { select: { name: true } } },
    },
  }

  /** The thread as this person may see it, or 404 (a thread they may not read does not exist for them). */
  async function visibleThread(mapId: string, threadId: string, who: Commenter): Promise<ThreadView> {
    const row = await db.commentThread.findFirst({ where: { id: threadId, mapId }, include })
    const [thread] = row ? await view(mapId, [row], who) : []
    if (!thread) throw new CommentRefused(404, 'not_found', 'No such comment thread')
    return thread
  }

  /** [CM5] Mentions name people with access to the map; others are dropped, not stored. */
  async function validMentions(mapId: string, mentions: readonly string[]): Promise<string[]> {
    if (mentions.length === 0) return []
    const ids = new Set((await people(mapId)).map((p) => p.id))
    return [...new Set(mentions)].filter((id) => ids.has(id))
  }

  async function ownComment(mapId: string, threadId: string, commentId: string, who: Commenter, allowOwner: boolean) {
    await visibleThread(mapId, threadId, who)
    const comment = await db.comment.findFirst({ where: { id: commentId, threadId } })
    if (!comment || comment.deletedAt) throw new CommentRefused(404, 'not_found', 'No such comment')
    // [CM3] One's own comments only; owners may also delete anyone's (moderation), never edit them.
    if (comment.authorId !== who.userId && !(allowOwner && who.owner)) {
      throw new CommentRefused(403, 'forbidden', 'Only its author can change this comment')
    }
    return comment
  }

  return {
    people,

    async list(mapId: string, viewer: Reader): Promise<ThreadView[]> {
      const rows = await db.commentThread.findMany({
        where: { mapId },
        include,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })
      return view(mapId, rows, viewer)
    },

    async startThread(mapId: string, who: Commenter, input: z.input<typeof NewThreadSchema>): Promise<ThreadView> {
      const valid: NewThread = NewThreadSchema.parse(input)
      // A thread hangs on something that exists now: no comments on made-up ids.
      const graph = await maps.graph(mapId)
      const exists =
        valid.target.kind === 'node'
          ? graph.nodes.some((n) => n.id === valid.target.id)
          : graph.relations.some((r) => r.id === valid.target.id)
      if (!exists) throw new CommentRefused(400, 'bad_target', `No such ${valid.target.kind} on this map`)
      const mentions = await validMentions(mapId, valid.mentions)
      const id = newId('t')
      await db.commentThread.create({
        data: {
          id,
          mapId,
          targetKind: valid.target.kind,
          targetId: valid.target.id,
          visibility: valid.visibility,
          createdBy: who.userId,
          comments: {
            create: { id: newId('c'), authorId: who.userId, body: valid.body, mentions: JSON.stringify(mentions) },
          },
        },
      })
      changed(mapId)
      return visibleThread(mapId, id, who)
    },

    async reply(
      mapId: string,
      threadId: string,
      who: Commenter,
      input: z.input<typeof ReplySchema>,
    ): Promise<ThreadView> {
      const valid = ReplySchema.parse(input)
      await visibleThread(mapId, threadId, who)
      const mentions = await validMentions(mapId, valid.mentions)
      await db.comment.create({
        data: { id: newId('c'), threadId, authorId: who.userId, body: valid.body, mentions: JSON.stringify(mentions) },
      })
      changed(mapId)
      return visibleThread(mapId, threadId, who)
    },

    async edit(
      mapId: string,
      threadId: string,
      commentId: string,
      who: Commenter,
      input: z.input<typeof EditCommentSchema>,
    ): Promise<ThreadView> {
      const valid = EditCommentSchema.parse(input)
      await ownComment(mapId, threadId, commentId, who, false)
      const mentions = await validMentions(mapId, valid.mentions)
      await db.comment.update({
        where: { id: commentId },
        data: { body: valid.body, mentions: JSON.stringify(mentions), editedAt: new Date() },
      })
      changed(mapId)
      return visibleThread(mapId, threadId, who)
    },

    async remove(mapId: string, threadId: string, commentId: string, who: Commenter): Promise<void> {
      await ownComment(mapId, threadId, commentId, who, true)
      // The words go; the place stays, so replies still read in order.
      await db.comment.update({ where: { id: commentId }, data: { body: '', mentions: '[]', deletedAt: new Date() } })
      changed(mapId)
    },

    async setResolved(mapId: string, threadId: string, who: Commenter, resolved: boolean): Promise<ThreadView> {
      await visibleThread(mapId, threadId, who)
      await db.commentThread.update({
        where: { id: threadId },
        data: resolved ? { resolvedAt: new Date(), resolvedBy: who.userId } : { resolvedAt: null, resolvedBy: null },
      })
      changed(mapId)
      return visibleThread(mapId, threadId, who)
    },
  }
}

export type Comments = ReturnType<typeof createComments>
