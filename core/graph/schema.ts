import { z } from 'zod'

/** The kinds of node a map can hold. Order matters only for menus. */
export const NODE_KINDS = ['claim', 'argument', 'objection', 'evidence', 'question'] as const
export type NodeKind = (typeof NODE_KINDS)[number]

/**
 * supports / attacks join two nodes; an undercut runs from a node to a
 * `supports` relation: it attacks the inference, not the conclusion.
 */
export const RELATION_KINDS = ['supports', 'attacks', 'undercuts'] as const
export type RelationKind = (typeof RELATION_KINDS)[number]

export const MAX_TEXT = 5000
export const MAX_QUOTE = 5000
export const MAX_NAME = 200
/** A map's title, as typed into the home page's form or the editor. */
export const MAP_TITLE_MAX = MAX_NAME

export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only')

export const NodeSchema = z.object({
  id: IdSchema,
  kind: z.enum(NODE_KINDS),
  text: z.string().max(MAX_TEXT),
  x: z.number().finite(),
  y: z.number().finite(),
  /** Auto-arrange leaves pinned nodes where the user put them. */
  pinned: z.boolean().default(false),
  /** Evidence: the exact words quoted, who said them, and where from. */
  quote: z.string().max(MAX_QUOTE).optional(),
  speaker: z.string().max(MAX_NAME).optional(),
  source: z.string().max(MAX_NAME).optional(),
  /** Character offsets of `quote` in the source document, [start, end). */
  quoteStart: z.number().int().nonnegative().optional(),
  quoteEnd: z.number().int().nonnegative().optional(),
  /** A node that is the map author's own reading, not anybody's words. */
  analysis: z.boolean().optional(),
  /** Only owners change, move or delete a locked node; anyone may still attach to it ([PA5]). */
  locked: z.boolean().optional(),
  /** The text restates `speaker`'s words (no verbatim `quote`): shown as "paraphrasing <speaker>". */
  paraphrase: z.boolean().optional(),
  /** [PM1] Review mode: a student's new node waits for a teacher ('pending') or was turned down ('rejected'). */
  review: z.enum(['pending', 'rejected']).optional(),
  /** [PM3] Why a teacher rejected it, for its author. */
  reviewReason: z.string().max(500).optional(),
})
export type ArgNode = z.infer<typeof NodeSchema>

export const RelationSchema = z.object({
  id: IdSchema,
  kind: z.enum(RELATION_KINDS),
  source: IdSchema,
  /** A node id, or for `undercuts` the id of a `supports` relation. */
  target: IdSchema,
})
export type Relation = z.infer<typeof RelationSchema>

/** One participant's 0–4 rating of one node (like Kialo's impact votes). */
export const VoteSchema = z.object({
  nodeId: IdSchema,
  userId: z.string().min(1).max(128),
  value: z.number().int().min(0).max(4),
  /** The group (team) the voter belonged to when voting, for perspectives. */
  group: z.string().max(MAX_NAME).optional(),
})
export type Vote = z.infer<typeof VoteSchema>

/** A person who wrote part of a map, as the server bound them to their Yjs clientIDs ([PA1]). */
export const ContributorSchema = z.object({
  userId: z.string().min(1).max(128),
  name: z.string().max(MAX_NAME),
  color: z.string().max(32),
  group: z.string().max(MAX_NAME).optional(),
})
export type Contributor = z.infer<typeof ContributorSchema>

/** Who wrote what, for exports ([PA1]): record id -> userIds, plus the people. */
export interface MapCredits {
  people: Contributor[]
  records: Record<string, { createdBy?: string; createdAt?: number; editedBy?: string; editedAt?: number }>
}

export const ArgumentMapSchema = z.object({
  title: z.string().max(MAX_NAME),
  nodes: z.array(NodeSchema),
  relations: z.array(RelationSchema),
  votes: z.array(VoteSchema).default([]),
})
export type ArgumentMap = z.infer<typeof ArgumentMapSchema>

export function emptyMap(title = 'Untitled map'): ArgumentMap {
  return { title, nodes: [], relations: [], votes: [] }
}
