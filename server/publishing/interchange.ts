import { z } from 'zod'
import {
  parseAif,
  parseArgdown,
  parseCruxJson,
  serializeAif,
  serializeArgdown,
  serializeCruxJson,
  serializeDrawio,
  serializeGraphml,
  serializeMarkdownOutline,
  serializeOva3,
  slugify,
  COMMENTS_PLACE,
  commentsArgdown,
  commentsLeftOut,
  commentsMarkdown,
  type ExportedThread,
  type Issue,
} from '../../core/convert'
import { IMPORT_MAX_BYTES, IMPORT_SIZE_MESSAGE, utf8Length } from '../../core/convert/importLimits'
import { MAX_NAME, type ArgumentMap, type MapCredits } from '../../core/graph'
import { withLayout } from '../../core/layout/arrange'
import type { MapService } from '../maps'

/** Text formats a map can be downloaded as (images are made in the browser). */
export const EXPORT_FORMATS = ['argdown', 'aif', 'ova3', 'json', 'markdown', 'graphml', 'drawio'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Formats a map can be created from. */
export const IMPORT_FORMATS = ['argdown', 'aif', 'json'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export { IMPORT_MAX_BYTES, IMPORT_SIZE_MESSAGE } from '../../core/convert/importLimits'
/**
 * The request body carries the file as a JSON string, which escapes some
 * characters; twice the file limit leaves room for that and stays under the
 * 10 MB Next's proxy passes on whole.
 */
export const IMPORT_MAX_BODY_BYTES = 2 * IMPORT_MAX_BYTES

export const ImportRequestSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  // [AF5] Every size over the limit gets this one message (the route refuses bigger bodies with it too).
  text: z
    .string()
    .max(IMPORT_MAX_BYTES, IMPORT_SIZE_MESSAGE)
    .refine((t) => utf8Length(t) <= IMPORT_MAX_BYTES, IMPORT_SIZE_MESSAGE),
  title: z.string().trim().max(MAX_NAME).optional(),
})
export type ImportRequest = z.infer<typeof ImportRequestSchema>

export interface ExportFile {
  body: string
  contentType: string
  filename: string
  /** [CM] Whether the map's comments are in the file, and where; or why not. */
  comments: string
}

export interface ExportOptions {
  /** Argdown: every node's position, not only pinned ones ([AD10]). */
  allPositions?: boolean
  /** [CM] The threads this person may read; formats with a place for them carry them. */
  comments?: ExportedThread[]
}

type Write = (map: ArgumentMap, now: Date, credits: MapCredits | undefined, options: ExportOptions) => string
const EXPORTS: Record<ExportFormat, { ext: string; type: string; write: Write }> = {
  argdown: {
    ext: 'argdown',
    type: 'text/plain; charset=utf-8',
    write: (m, _now, credits, o) =>
      serializeArgdown(m, { credits, allPositions: o.allPositions }) + commentsArgdown(m, o.comments ?? []),
  },
  aif: {
    ext: 'aif.json',
    type: 'application/json; charset=utf-8',
    write: (m, now, credits) => JSON.stringify(serializeAif(m, { timestamp: now, credits }), null, 2) + '\n',
  },
  ova3: {
    ext: 'ova3.json',
    type: 'application/json; charset=utf-8',
    write: (m, now, credits) => JSON.stringify(serializeOva3(m, { timestamp: now, credits }), null, 2) + '\n',
  },
  json: {
    ext: 'crux.json',
    type: 'application/json; charset=utf-8',
    write: (m, _now, credits, o) => serializeCruxJson(m, credits, o.comments),
  },
  markdown: {
    ext: 'md',
    type: 'text/markdown; charset=utf-8',
    write: (m, _now, _credits, o) => serializeMarkdownOutline(m) + commentsMarkdown(m, o.comments ?? []),
  },
  graphml: { ext: 'graphml', type: 'application/graphml+xml; charset=utf-8', write: (m) => serializeGraphml(m) },
  drawio: { ext: 'drawio', type: 'application/xml; charset=utf-8', write: (m) => serializeDrawio(m) },
}

/**
 * One map as a downloadable file; the name comes from the title, safe for any file system.
 * With `comments`, formats that have a place for them carry them ([CM]); the others say not.
 */
export function exportFile(
  map: ArgumentMap,
  format: ExportFormat,
  now = new Date(),
  credits?: MapCredits,
  options: ExportOptions = {},
): ExportFile {
  const spec = EXPORTS[format]
  const base = slugify(map.title).slice(0, 60).replace(/-+$/, '') || 'map'
  const { comments } = options
  const place = COMMENTS_PLACE[format]
  const note = !comments
    ? 'not included'
    : place
      ? `${comments.length} thread(s) in ${place}`
      : `not included: ${commentsLeftOut(format)}`
  const body = spec.write(map, now, credits, { ...options, comments: place ? comments : undefined })
  return { body, contentType: spec.type, filename: `${base}.${spec.ext}`, comments: note }
}

/** `attachment` with both an ASCII name and the RFC 5987 form, so every browser saves it under its name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export type ImportResult = { ok: true; map: ArgumentMap; warnings: Issue[] } | { ok: false; errors: Issue[] }

/**
 * Parses an uploaded file into a map, or lists every problem with where it
 * is. Argdown reports line and column; the JSON formats report a path.
 */
export function parseImport(input: ImportRequest): ImportResult {
  const result =
    input.format === 'argdown'
      ? fromArgdown(input.text)
      : input.format === 'aif'
        ? parseAif(input.text)
        : parseCruxJson(input.text)
  if (!result.ok) return result
  const title = input.title?.trim()
  return { ok: true, map: title ? { ...result.map, title } : result.map, warnings: result.warnings }
}

function fromArgdown(text: string): ImportResult {
  const r = parseArgdown(text)
  const where = (i: { message: string; line: number; column: number }): Issue => ({
    message: i.message,
    at: `line ${i.line}, column ${i.column}`,
  })
  return r.ok ? { ok: true, map: r.map, warnings: r.warnings.map(where) } : { ok: false, errors: r.errors.map(where) }
}

/** Creates a map owned by the caller from a file, or creates nothing and lists every problem. */
export async function importMap(maps: MapService, ownerId: string, input: ImportRequest) {
  const parsed = parseImport(input)
  if (!parsed.ok) return parsed
  const title = parsed.map.title.trim() || 'Imported map'
  // Argdown and most AIF files carry no positions: lay them out rather than stack every node at the origin.
  const content = await withLayout({ ...parsed.map, title })
  const meta = await maps.create({ title, content, ownerId })
  return { ok: true as const, id: meta.id, warnings: parsed.warnings }
}
