import { ArgumentMapSchema, MAX_NAME, type ArgumentMap } from '../../graph'
import { compareLocated, readElements } from './readElements'
import { readRelations } from './readRelations'
import { runArgdown, sortIssues, type ArgdownIssue } from './runArgdown'

export type { ArgdownIssue } from './runArgdown'

export type ArgdownParseResult =
  { ok: true; map: ArgumentMap; warnings: ArgdownIssue[] } | { ok: false; errors: ArgdownIssue[] }

export const DEFAULT_IMPORT_TITLE = 'Imported map'

/**
 * Reads an Argdown document into a map. Conventions (see content/README.md
 * and SPEC.md): every statement `[T]` and argument `<T>` is a node, id from
 * the title; `+>` supports, `->` attacks, `_>` undercuts; a premise–conclusion
 * structure is drawn as supports and kept on the argument node.
 *
 * [AD7] Only what `@argdown/core` itself rejects (lexer and parser errors)
 * is an error; [AD9] everything Argdown accepts is imported, and what Crux
 * cannot hold comes back as warnings, one per item, with line and column.
 */
export function parseArgdown(input: string): ArgdownParseResult {
  const text = input.replace(/^\uFEFF/, '')
  if (text.trim() === '') return { ok: true, map: emptyImport(), warnings: [] }
  const run = runArgdown(text)
  if (!run.ok) return run
  const warnings = [...run.warnings]
  const read = readElements(run.response, text, warnings)
  const relations = readRelations(run.response, read, warnings)

  const front = run.response.frontMatter?.title
  let title = typeof front === 'string' ? front : DEFAULT_IMPORT_TITLE
  if (title.length > MAX_NAME) {
    warnings.push({ line: 1, column: 1, message: `the title is ${title.length} characters; cut to ${MAX_NAME}` })
    title = title.slice(0, MAX_NAME)
  }
  const ordered = [...read.nodes].sort((a, b) => compareLocated(a.at, b.at)).map(({ at: _at, ...n }) => n)
  const map = ArgumentMapSchema.safeParse({ title, nodes: ordered, relations, votes: [] })
  if (!map.success) {
    // Everything above is made to fit the schema; reaching this is a bug, reported rather than thrown.
    return {
      ok: false,
      errors: map.error.issues.map((i) => ({ message: `${i.path.join('.')}: ${i.message}`, line: 1, column: 1 })),
    }
  }
  return { ok: true, map: map.data, warnings: sortIssues(warnings) }
}

function emptyImport(): ArgumentMap {
  return { title: DEFAULT_IMPORT_TITLE, nodes: [], relations: [], votes: [] }
}
