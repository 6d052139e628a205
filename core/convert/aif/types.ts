import { z } from 'zod'
import { IdSchema, NODE_KINDS, NodeSchema, RELATION_KINDS, VoteSchema, MAX_NAME } from '../../graph'

/**
 * The AIF JSON that AIFdb exports and OVA3 embeds under `"AIF"`. Only I-nodes
 * carry content; every other type is a scheme application (RA inference, CA
 * conflict, MA rephrase, PA preference) or dialogue (L locution, YA
 * illocutionary anchor, TA transition).
 */
export const AIF_NODE_TYPES = ['I', 'L', 'RA', 'CA', 'MA', 'PA', 'TA', 'YA'] as const
export type AifNodeType = (typeof AIF_NODE_TYPES)[number]

/**
 * Crux fields AIF has no place for ride along as a `crux` property, which
 * AIFdb and OVA ignore; with it a Crux → AIF → Crux trip is lossless.
 */
export const CruxINodeExtSchema = z.object({
  id: IdSchema,
  /** The participantID of the node's author, when the export carries credits ([PA1]). */
  createdBy: z.string().max(64).optional(),
  kind: z.enum(NODE_KINDS),
  x: z.number().finite(),
  y: z.number().finite(),
  pinned: z.boolean().optional(),
  /** Written by exports before [AF1]: the node's text when the I-node text was its quote. Read, never written. */
  text: z.string().optional(),
  quote: z.string().optional(),
  speaker: z.string().optional(),
  source: z.string().optional(),
  quoteStart: z.number().int().nonnegative().optional(),
  quoteEnd: z.number().int().nonnegative().optional(),
  analysis: z.boolean().optional(),
  paraphrase: z.boolean().optional(),
  title: NodeSchema.shape.title,
  pcs: NodeSchema.shape.pcs,
  force: NodeSchema.shape.force,
})
export type CruxINodeExt = z.infer<typeof CruxINodeExtSchema>

export const CruxSNodeExtSchema = z.object({
  id: IdSchema,
  kind: z.enum(RELATION_KINDS),
  contradictory: z.boolean().optional(),
})
export type CruxSNodeExt = z.infer<typeof CruxSNodeExtSchema>

export const CruxDocExtSchema = z.object({
  title: z.string().max(MAX_NAME),
  votes: z.array(VoteSchema).default([]),
})
export type CruxDocExt = z.infer<typeof CruxDocExtSchema>

export interface AifNode {
  nodeID: string
  text: string
  type: AifNodeType
  timestamp: string
  scheme?: string
  schemeID?: string
  crux?: CruxINodeExt | CruxSNodeExt
}

export interface AifEdge {
  edgeID: string
  fromID: string
  toID: string
  formEdgeID: null
}

export interface AifLocution {
  nodeID: string
  personID: string
  timestamp: string
  start: null
  end: null
  source: null
}

export interface AifParticipant {
  participantID: string
  firstname: string
  surname: string
}

export interface AifDocument {
  nodes: AifNode[]
  edges: AifEdge[]
  locutions: AifLocution[]
  participants: AifParticipant[]
  crux: CruxDocExt
}

/** Default schemes with the ids AIFdb uses for them. */
export const SCHEMES = {
  inference: { text: 'Default Inference', schemeID: '72' },
  conflict: { text: 'Default Conflict', schemeID: '71' },
  asserting: { text: 'Asserting', schemeID: '74' },
} as const

/**
 * AIFdb's ids for the illocutionary forces seen in the corpus, so an
 * exported YA node names its scheme as AIFdb does; other forces are written
 * by name only.
 */
export const FORCE_SCHEME_IDS: Readonly<Record<string, string>> = {
  Asserting: '74',
  Analysing: '75',
  Arguing: '80',
  'Popular Conceding': '88',
  'Pure Questioning': '91',
}

// ---- Input: what real files look like, loosely. ----

/** AIFdb writes ids as strings, OVA3 and many tools as integers. */
const AifIdIn = z.union([z.string().min(1), z.number().int()]).transform(String)

export const AifNodeInSchema = z.looseObject({
  nodeID: AifIdIn,
  text: z
    .string()
    .nullish()
    .transform((t) => t ?? ''),
  type: z.enum(AIF_NODE_TYPES, { error: `type must be one of ${AIF_NODE_TYPES.join(', ')}` }),
  scheme: z.string().nullish(),
  schemeID: z.union([z.string(), z.number()]).nullish(),
  crux: z.unknown().optional(),
})
export type AifNodeIn = z.infer<typeof AifNodeInSchema>

export const AifEdgeInSchema = z.looseObject({
  edgeID: AifIdIn.nullish(),
  fromID: AifIdIn,
  toID: AifIdIn,
})
export type AifEdgeIn = z.infer<typeof AifEdgeInSchema>

export const AifLocutionInSchema = z.looseObject({
  nodeID: AifIdIn,
  personID: AifIdIn.nullish(),
})

export const AifParticipantInSchema = z.looseObject({
  participantID: AifIdIn,
  firstname: z.string().nullish(),
  surname: z.string().nullish(),
})

export const AifGraphInSchema = z.looseObject({
  nodes: z.array(AifNodeInSchema),
  edges: z.array(AifEdgeInSchema),
  locutions: z.array(AifLocutionInSchema).nullish(),
  participants: z.array(AifParticipantInSchema).nullish(),
  crux: z.unknown().optional(),
})
export type AifGraphIn = z.infer<typeof AifGraphInSchema>

/** OVA3 writes some coordinates as strings ("257"); [AF4] both are read. */
const Coordinate = z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().finite())

/** OVA3's layout block: where the analyst placed each node. Entries are read one by one, so one bad entry loses only itself. */
export const OvaLayoutInSchema = z.looseObject({ nodes: z.array(z.unknown()).nullish() })
export const OvaNodeInSchema = z.looseObject({ nodeID: AifIdIn, x: Coordinate, y: Coordinate })
