import { z } from 'zod'
import { IdSchema, MAX_NAME, MAX_QUOTE, MAX_TEXT, NODE_KINDS, type ArgNode } from '../../graph'

/**
 * The YAML data an Argdown statement or argument may carry, e.g.
 * `[Balcony]: ... {kind: evidence, speaker: "Andrei Sannikov", quote: "...", start: 1, end: 9}`.
 * Unknown keys are allowed (Argdown tools use `color`, `isInMap`, ...) and ignored.
 */
const FIELDS = {
  kind: z.enum(NODE_KINDS),
  /** Overrides the id derived from the title (used by the serializer for ids no title yields). */
  id: IdSchema,
  /** Exact text when the Argdown line cannot hold it (line breaks, outer spaces, empty). */
  text: z.string(),
  speaker: z.string(),
  source: z.string(),
  quote: z.string(),
  /** UTF-16 offsets of `quote` in the source document, [start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  x: z.number().finite(),
  y: z.number().finite(),
  pinned: z.boolean(),
  analysis: z.boolean(),
  paraphrase: z.boolean(),
  /**
   * Undercuts Argdown's `_>` cannot say (an argument has one inference):
   * each entry "source-id target-id" names a support this node undercuts.
   */
  undercuts: z.array(
    z.string().regex(/^[A-Za-z0-9_-]+ [A-Za-z0-9_-]+$/, 'undercuts entries are "source-id target-id"'),
  ),
} as const

export type NodeData = { -readonly [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> }

/** Strings longer than Crux holds are cut to fit, with a warning, rather than dropped. */
const LIMITS: Partial<Record<keyof NodeData, number>> = {
  text: MAX_TEXT,
  quote: MAX_QUOTE,
  speaker: MAX_NAME,
  source: MAX_NAME,
}

/**
 * [AD9] Reads what of the data Crux understands, field by field: a field of
 * the wrong type is left out with a problem named, never a rejected file
 * (Argdown itself accepts any data). Over-long strings are truncated.
 */
export function readNodeData(raw: unknown): { data: NodeData; problems: string[] } {
  const data: Record<string, unknown> = {}
  const problems: string[] = []
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { data, problems }
  for (const [key, schema] of Object.entries(FIELDS)) {
    let value = (raw as Record<string, unknown>)[key]
    if (value === undefined) continue
    const limit = LIMITS[key as keyof NodeData]
    if (limit !== undefined && typeof value === 'string' && value.length > limit) {
      problems.push(`data ${key} is ${value.length} characters; cut to ${limit}`)
      value = value.slice(0, limit)
    }
    const parsed = schema.safeParse(value)
    if (parsed.success) data[key] = parsed.data
    else problems.push(`data ${key} ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  }
  if (typeof data.start === 'number' && typeof data.end === 'number' && data.start > data.end) {
    problems.push('data start and end ignored: quote offsets need start <= end')
    delete data.start
    delete data.end
  }
  return { data: data as NodeData, problems }
}

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

/**
 * The inverse of nodeFieldsFromData: only fields that differ from the
 * defaults. [AD10] Positions only for nodes a person placed (pinned), unless
 * the caller asks for every position.
 */
export function dataFromNodeFields(n: ArgNode, allPositions = false): NodeData {
  const d: NodeData = {}
  if (n.speaker !== undefined) d.speaker = n.speaker
  if (n.source !== undefined) d.source = n.source
  if (n.quote !== undefined) d.quote = n.quote
  if (n.quoteStart !== undefined) d.start = n.quoteStart
  if (n.quoteEnd !== undefined) d.end = n.quoteEnd
  if ((n.pinned || allPositions) && (n.x !== 0 || n.y !== 0)) Object.assign(d, { x: n.x, y: n.y })
  if (n.pinned) d.pinned = true
  if (n.analysis !== undefined) d.analysis = n.analysis
  if (n.paraphrase !== undefined) d.paraphrase = n.paraphrase
  return d
}
