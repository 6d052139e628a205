import {
  ArgdownApplication,
  DataPlugin,
  FrontMatterSettingsModes,
  ModelPlugin,
  ParserPlugin,
  type IArgdownResponse,
  type ITokenNodeHandler,
} from '@argdown/core'

/** A problem in the input, 1-based like an editor shows it. */
export interface ArgdownIssue {
  message: string
  line: number
  column: number
  /**
   * Set on a report that loses no node or relation: `layout` (a heading or
   * group is not kept) or `drawing` (kept on the map, drawn differently, e.g.
   * linked premises). Callers may show these apart from real losses.
   */
  note?: 'layout' | 'drawing'
}

/**
 * The three plugins we need from @argdown/core: the parser, the YAML data
 * reader and the model builder. Map layout and exports are ours.
 */
const app = new ArgdownApplication()
app.addPlugin(new ParserPlugin(), 'parse-input')
app.addPlugin(withDataLocations(new DataPlugin()), 'build-model')
app.addPlugin(new ModelPlugin(), 'build-model')

/** Where a run's YAML problems are collected (the request object is the run's own). */
const DATA_ISSUES = Symbol('crux data issues')
type WithIssues = { [DATA_ISSUES]?: ArgdownIssue[] }

/**
 * js-yaml reports positions inside the `{...}` block only, and the library
 * would otherwise swallow non-plugin errors and silently stop building the
 * model, so each YAML block is read under our own try/catch. [AD9] A block
 * that is not YAML is left out with a warning at its line, as Argdown itself
 * reads the rest of the file.
 */
function withDataLocations(plugin: DataPlugin): DataPlugin {
  for (const [event, handler] of Object.entries(plugin.tokenListeners)) {
    const located: ITokenNodeHandler = (req, res, token, parent, index, logger) => {
      try {
        handler(req, res, token, parent, index, logger)
      } catch (e) {
        const mark = (e as { mark?: { line: number; column: number } }).mark
        const startLine = token.startLine ?? 1
        const startColumn = token.startColumn ?? 1
        // Block data (`{` then newline) is read from its second line on.
        const skipped = event === 'Data' && /^\{[ \t]*\r?\n/.test(token.image) ? 1 : 0
        const line = mark ? startLine + mark.line + skipped : startLine
        const column = mark && mark.line + skipped === 0 ? startColumn + mark.column : (mark?.column ?? 0) + 1
        const reason = (e as { reason?: string }).reason ?? (e as Error).message
        ;((req as WithIssues)[DATA_ISSUES] ??= []).push({
          message: `invalid YAML data ignored: ${reason}`,
          line,
          column,
        })
      }
    }
    plugin.tokenListeners[event] = located
  }
  return plugin
}

export type ArgdownRun =
  { ok: true; response: IArgdownResponse; warnings: ArgdownIssue[] } | { ok: false; errors: ArgdownIssue[] }

/** Lexes, parses and builds the Argdown model; any error stops before a model is used. */
export function runArgdown(input: string): ArgdownRun {
  const request = {
    input,
    process: ['parse-input'],
    logLevel: 'error',
    // Front matter carries the map title; it must not reconfigure the parser.
    data: { frontMatterSettingsMode: FrontMatterSettingsModes.IGNORE },
    throwExceptions: true,
  }
  const response = app.run(request)
  const errors: ArgdownIssue[] = [
    ...(response.lexerErrors ?? []).map((e) => ({
      message: e.message,
      line: e.line ?? 1,
      column: e.column ?? 1,
    })),
    ...(response.parserErrors ?? []).map((e) => ({
      message: e.message,
      line: finite(e.token.startLine) ?? 1,
      column: finite(e.token.startColumn) ?? 1,
    })),
  ]
  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) }
  const modelRequest: typeof request & WithIssues = { ...request, process: ['build-model'] }
  try {
    app.run(modelRequest, response)
  } catch (e) {
    return { ok: false, errors: [{ message: `Argdown could not build the model: ${String(e)}`, line: 1, column: 1 }] }
  }
  return { ok: true, response, warnings: modelRequest[DATA_ISSUES] ?? [] }
}

function finite(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) ? n : undefined
}

export function sortIssues(issues: ArgdownIssue[]): ArgdownIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column)
}
