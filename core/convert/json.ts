import type { z } from 'zod'
import type { ExportedThread } from './comments'
import { ArgumentMapSchema, problems, repair, type ArgumentMap, type MapCredits, type Relation } from '../graph'

/**
 * Crux JSON: the app's own interchange file, `{ format, schemaVersion, map }`.
 * Exported files outlive the code, so a file carries its version and ordered
 * migrations lift old files up to the current one before validation.
 *
 * This module also owns the result type every importer returns, because the
 * Crux map is what every importer produces.
 */

/** A problem and where it is: `nodes[3].type`, `edges[12].toID`, `nodeID "17"`. */
export interface Issue {
  message: string
  at: string
}

/** Importers never throw on bad input and never return half a map. */
export type ParseResult = { ok: true; map: ArgumentMap; warnings: Issue[] } | { ok: false; errors: Issue[] }

export const CRUX_FORMAT = 'crux'
export const CRUX_JSON_VERSION = 1

export interface CruxJsonFile {
  format: typeof CRUX_FORMAT
  schemaVersion: typeof CRUX_JSON_VERSION
  map: ArgumentMap
  /** Who wrote what ([PA1]); informative, not read back on import (authorship is the server's to bind). */
  credits?: MapCredits
  /** Comment threads ([CM]); informative, not read back on import. */
  comments?: ExportedThread[]
}

/**
 * Migration i lifts a file from version i to i + 1. Version 0 is the bare
 * `ArgumentMap` object that predates the envelope (no `format`, no version).
 */
const MIGRATIONS: ReadonlyArray<(file: Record<string, unknown>) => Record<string, unknown>> = [
  (bare) => ({ format: CRUX_FORMAT, schemaVersion: 1, map: bare }),
]

export function serializeCruxJson(map: ArgumentMap, credits?: MapCredits, comments?: ExportedThread[]): string {
  const file: CruxJsonFile = {
    format: CRUX_FORMAT,
    schemaVersion: CRUX_JSON_VERSION,
    map,
    ...(credits ? { credits } : {}),
    ...(comments ? { comments } : {}),
  }
  return JSON.stringify(file, null, 2) + '\n'
}

export function parseCruxJson(text: string): ParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message}`, '$')
  }
  if (!isObject(raw)) return fail('expected a JSON object', '$')

  const version = fileVersion(raw)
  if (typeof version === 'object') return { ok: false, errors: [version] }
  if (version > CRUX_JSON_VERSION) {
    return fail(
      `written by a newer Crux (schemaVersion ${version}); this app reads up to ${CRUX_JSON_VERSION}`,
      'schemaVersion',
    )
  }
  let file = raw
  for (let v = version; v < CRUX_JSON_VERSION; v++) file = MIGRATIONS[v]!(file)

  // Paths point into the file the user has: a version-0 file has no `map` key.
  const mapPath = version === 0 ? '' : 'map'
  const parsed = ArgumentMapSchema.safeParse(file.map)
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error, mapPath) }
  return checkGraph(parsed.data, mapPath)
}

function fileVersion(raw: Record<string, unknown>): number | Issue {
  if (raw.format === undefined && raw.schemaVersion === undefined) return 0
  if (raw.format !== CRUX_FORMAT) {
    return { message: `format must be "${CRUX_FORMAT}", got ${JSON.stringify(raw.format)}`, at: 'format' }
  }
  const v = raw.schemaVersion
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return { message: `schemaVersion must be a whole number from 1, got ${JSON.stringify(v)}`, at: 'schemaVersion' }
  }
  return v
}

/**
 * Duplicate ids make the file ambiguous, so they are errors; what `repair()`
 * can drop (dangling relations, votes on missing nodes) is dropped and reported.
 */
export function checkGraph(map: ArgumentMap, mapPath = ''): ParseResult {
  const errors: Issue[] = []
  // Where each id was first used, as list and index; the path is spelled out only for an error (large imports pass here).
  const seen = new Map<string, number>()
  const where = (code: number) =>
    code >= 0 ? joinPath(mapPath, `nodes[${code}].id`) : joinPath(mapPath, `relations[${-code - 1}].id`)
  const claim = (id: string, code: number) => {
    const first = seen.get(id)
    if (first !== undefined)
      errors.push({ message: `duplicate id "${id}" (first used at ${where(first)})`, at: where(code) })
    else seen.set(id, code)
  }
  map.nodes.forEach((n, i) => claim(n.id, i))
  const nodeIds = new Set(map.nodes.map((n) => n.id))
  map.relations.forEach((r, i) => {
    // A relation sharing a node's id is repairable (the node wins); two relations are not.
    if (!nodeIds.has(r.id)) claim(r.id, -i - 1)
  })
  if (errors.length > 0) return { ok: false, errors }

  const repaired = repair(map)
  const warnings: Issue[] = []
  if (problems(map).length > 0) {
    const kept = new Set(repaired.relations)
    map.relations.forEach((r, i) => {
      if (!kept.has(r)) {
        warnings.push({ message: `dropped: ${whyDropped(r, map)}`, at: joinPath(mapPath, `relations[${i}]`) })
      }
    })
    const keptVotes = new Set(repaired.votes)
    map.votes.forEach((v, i) => {
      if (!keptVotes.has(v)) {
        warnings.push({ message: `dropped: vote on missing node "${v.nodeId}"`, at: joinPath(mapPath, `votes[${i}]`) })
      }
    })
  }
  return { ok: true, map: repaired, warnings }
}

function whyDropped(r: Relation, map: ArgumentMap): string {
  const nodeIds = new Set(map.nodes.map((n) => n.id))
  if (nodeIds.has(r.id)) return `relation "${r.id}" shares its id with a node`
  if (r.source === r.target) return `relation "${r.id}" joins a node to itself`
  if (!nodeIds.has(r.source)) return `relation "${r.id}" comes from missing node "${r.source}"`
  if (r.kind !== 'undercuts') return `relation "${r.id}" goes to missing node "${r.target}"`
  return `undercut "${r.id}" aims at "${r.target}", which is not a kept support`
}

/** zod issues as `Issue`s with JSON-ish paths (`map.nodes[3].kind`). */
export function zodIssues(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((issue) => ({
    message: issue.message,
    at: joinPath(prefix, formatPath(issue.path)),
  }))
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

export function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest === '' ? '$' : rest
  if (rest === '') return prefix
  return rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`
}

function fail(message: string, at: string): ParseResult {
  return { ok: false, errors: [{ message, at }] }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
