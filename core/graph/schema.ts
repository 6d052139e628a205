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

/**
 * One line of an argument's premise–conclusion structure (Argdown's PCS):
 * a statement node and, for a conclusion, the inference that leads to it
 * from the lines above. The map still draws the argument with supports
 * (each premise supports the argument, the argument its main conclusion);
 * this keeps the structure itself so it can be written back.
 */
export const PcsStepSchema = z.object({
  node: IdSchema,
  inference: z.object({ rules: z.array(z.string().max(MAX_NAME)).max(20) }).optional(),
})
export type PcsStep = z.infer<typeof PcsStepSchema>
export const MAX_PCS_STEPS = 100

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
  /** The title the node was given in Argdown (`[Price signal]`), kept as written for export. */
  title: z.string().max(MAX_NAME).optional(),
  /** An argument's premise–conclusion structure, in order; the last step is the main conclusion. */
  pcs: z.array(PcsStepSchema).max(MAX_PCS_STEPS).optional(),
  /** The illocutionary force with which the node's words were said (AIF YA node), e.g. "Pure Questioning". */
  force: z.string().max(MAX_NAME).optional(),
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
  /** The argumentation scheme the relation applies (AIF RA/CA `scheme`), e.g. "Argument From Expert Opinion". */
  scheme: z.string().max(MAX_NAME).optional(),
  /** The scheme's id in AIFdb's scheme list, when the file gave one. */
  schemeId: z.string().max(64).optional(),
  /** One half of a contradiction (Argdown `><`): the attack the other way is its other half. */
  contradictory: z.boolean().optional(),
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
