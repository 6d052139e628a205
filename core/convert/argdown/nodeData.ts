import { z } from 'zod'
import { IdSchema, MAX_NAME, MAX_QUOTE, MAX_TEXT, NODE_KINDS, type ArgNode } from '../../graph'

/**
 * The YAML data an Argdown statement or argument may carry, e.g.
 * `[Balcony]: ... {kind: evidence, speaker: "Andrei Sannikov", quote: "...", start: 1, end: 9}`.
 * Unknown keys are allowed (Argdown tools use `color`, `isInMap`, ...) and ignored.
 */
export const NodeDataSchema = z
  .object({
    kind: z.enum(NODE_KINDS).optional(),
    /** Overrides the id derived from the title (used by the serializer for ids no title yields). */
    id: IdSchema.optional(),
    /** Exact text when the Argdown line cannot hold it (line breaks, outer spaces, empty). */
    text: z.string().max(MAX_TEXT).optional(),
    speaker: z.string().max(MAX_NAME).optional(),
    source: z.string().max(MAX_NAME).optional(),
    quote: z.string().max(MAX_QUOTE).optional(),
    /** UTF-16 offsets of `quote` in the source document, [start, end). */
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    pinned: z.boolean().optional(),
    analysis: z.boolean().optional(),
    paraphrase: z.boolean().optional(),
    /**
     * Undercuts Argdown's `_>` cannot say (an argument has one inference):
     * each entry "source-id target-id" names a support this node undercuts.
     */
    undercuts: z.array(z.string().regex(/^[A-Za-z0-9_-]+ [A-Za-z0-9_-]+$/, 'undercuts entries are "source-id target-id"')).optional(),
  })
  .refine((d) => d.start === undefined || d.end === undefined || d.start <= d.end, {
    message: 'quote offsets need start <= end',
  })
export type NodeData = z.infer<typeof NodeDataSchema>

/** The node fields that travel in YAML data; id, kind, text and undercuts are handled by the caller. */
export function nodeFieldsFromData(d: NodeData): Omit<ArgNode, 'id' | 'kind' | 'text'> {
  const out: Omit<ArgNode, 'id' | 'kind' | 'text'> = {
    x: d.x ?? 0,
    y: d.y ?? 0,
    pinned: d.pinned ?? false,
  }
  if (d.quote !== undefined) out.quote = d.quote
  if (d.speaker !== undefined) out.speaker = d.speaker
  if (d.source !== undefined) out.source = d.source
  if (d.start !== undefined) out.quoteStart = d.start
  if (d.end !== undefined) out.quoteEnd = d.end
  if (d.analysis !== undefined) out.analysis = d.analysis
  if (d.paraphrase !== undefined) out.paraphrase = d.paraphrase
  return out
}

/** The inverse of nodeFieldsFromData: only fields that differ from the defaults. */
export function dataFromNodeFields(n: ArgNode): NodeData {
  const d: NodeData = {}
  if (n.speaker !== undefined) d.speaker = n.speaker
  if (n.source !== undefined) d.source = n.source
  if (n.quote !== undefined) d.quote = n.quote
  if (n.quoteStart !== undefined) d.start = n.quoteStart
  if (n.quoteEnd !== undefined) d.end = n.quoteEnd
  if (n.x !== 0 || n.y !== 0) Object.assign(d, { x: n.x, y: n.y })
  if (n.pinned) d.pinned = true
  if (n.analysis !== undefined) d.analysis = n.analysis
  if (n.paraphrase !== undefined) d.paraphrase = n.paraphrase
  return d
}
