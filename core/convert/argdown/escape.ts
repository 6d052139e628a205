import { Data, Freestyle, UnusedControlChar, tokenize } from '@argdown/core'

/** The part of a chevrotain token we read. */
interface IToken {
  startOffset: number
  image: string
  tokenType: unknown
}

/**
 * Writing text so that @argdown/core reads back exactly what we meant.
 * Both rules were found against the library's lexer (Freestyle token,
 * EscapedChar token, the Data and FrontMatter token patterns).
 */

/**
 * Everything the lexer does not read as plain text (its Freestyle token
 * excludes these), "=" (a run of three opens front matter anywhere), and
 * tab: after an escaped character a tab would start
 * a Spaces token, which the lexer drops.
 */
const ARGDOWN_CONTROL = /[\\@#*_[\],.:</>(){};=\t-]/g
const ARGDOWN_CONTROL_TEST = /[\\@#*_[\],.:</>(){};=\t-]/

/** A backslash before every control character: always safe, rarely needed. */
export function escapeEveryControl(text: string): string {
  return text.replace(ARGDOWN_CONTROL, (c) => `\\${c}`)
}

const LINE_START = '[t]: '
/** What may follow a definition line: tokens such as `[...]` can reach across lines, so the text is lexed with a neighbourhood. */
const NEXT_LINES = '\n  +> [x]\n  -> <y>\n\n[z]: _a_ *b* @[x] {c: 1}\n'
const MAX_ROUNDS = 8

/**
 * [AD11] Escapes only where Argdown needs it: the text is lexed by Argdown's
 * own lexer as it would stand in a definition line (followed by the YAML
 * `data` block it will be written with, since a token can reach into it),
 * and a backslash goes before the first character of every token that is
 * not plain text (a tag, a mention, a link, emphasis, a comment, data, an
 * escape, a special character) or that the lexer would skip, until all of
 * it reads as plain text. `per-capita` and `cause,` stay as they are.
 */
export function escapeArgdownText(text: string, data?: string): string {
  // Text with none of the characters the lexer's plain-text token excludes is plain text as it stands.
  if (!ARGDOWN_CONTROL_TEST.test(text)) return text
  const escaped = unclosedOpeners(text)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { candidate, origin } = withEscapes(text, escaped)
    const needed = unplainStarts(candidate, data)
    if (needed === undefined) break
    if (needed.length === 0) return candidate
    for (const at of needed) escaped.add(origin[at]!)
  }
  return escapeEveryControl(text)
}

/**
 * Openers of tokens that can reach across lines, with no closer after them
 * in the text (`[`, `<`, `{`, `#(`, `/*`): whatever follows in the document
 * could close them, so they are escaped up front. So is every run of `===`,
 * which pairs with any other run into front matter.
 */
function unclosedOpeners(text: string): Set<number> {
  const out = new Set<number>()
  for (const [open, close] of [
    ['[', ']'],
    ['<', '>'],
    ['{', '}'],
    ['#(', ')'],
    ['/*', '*/'],
  ] as const) {
    const lastClose = text.lastIndexOf(close)
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) if (i > lastClose) out.add(i)
  }
  for (const m of text.matchAll(/={3,}/g)) out.add(m.index)
  return out
}

/** The text with a backslash before each chosen index, and for each output index the input index it came from. */
function withEscapes(text: string, escaped: ReadonlySet<number>): { candidate: string; origin: number[] } {
  let candidate = ''
  const origin: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (escaped.has(i)) {
      candidate += '\\'
      origin.push(i)
    }
    candidate += text[i]
    origin.push(i)
  }
  return { candidate, origin }
}

/** Offsets (in `candidate`) of tokens that are not plain text; [] when all is plain, undefined when lexing fails. */
function unplainStarts(candidate: string, data: string | undefined): number[] | undefined {
  const dataFollows = data !== undefined
  let tokens: IToken[]
  try {
    tokens = tokenize(LINE_START + candidate + (dataFollows ? ` ${data}${NEXT_LINES}` : NEXT_LINES)).tokens
  } catch {
    return undefined
  }
  const end = LINE_START.length + candidate.length
  const out: number[] = []
  const text = LINE_START + candidate
  let cursor = LINE_START.length
  let previous: IToken | undefined
  let sawData = false
  // A stretch the lexer skipped is lost: a comment is escaped where it starts, spaces after a control character by escaping that character.
  const skipped = (from: number) =>
    out.push(text[from] === ' ' || text[from] === '\t' ? (previous?.startOffset ?? from) : from)
  for (const t of tokens.slice(1)) {
    if (t.startOffset >= end) {
      // The data block must begin right after the text and its one space.
      sawData = t.tokenType === Data && t.startOffset === end + 1
      break
    }
    if (t.startOffset > cursor) skipped(cursor)
    if (t.tokenType !== Freestyle && t.tokenType !== UnusedControlChar) out.push(t.startOffset)
    cursor = t.startOffset + t.image.length
    previous = t
  }
  if (cursor < end) skipped(cursor)
  else if (dataFollows && !sawData && out.length === 0) skipped(end - 1)
  return [...new Set(out.map((i) => i - LINE_START.length))].filter((i) => i >= 0 && i < candidate.length)
}

/**
 * Argdown ends a statement at a line break and we trim what it reads, so
 * only a one-line, trimmed, non-empty text survives as the statement text.
 * Anything else is also written to YAML `text`.
 */
export function survivesAsArgdownText(text: string): boolean {
  return text !== '' && text === text.trim() && !/[\r\n\u2028\u2029]/.test(text)
}

/** A readable one-line stand-in for texts that do not survive (the exact text goes to YAML). */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat === '' ? '(no text)' : flat
}

/**
 * A YAML double-quoted scalar. JSON strings are valid YAML; on top of that,
 * `{ }` would end an Argdown data block and `=` a front-matter block early,
 * and js-yaml rejects non-printable characters, so those are \u-escaped.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[{}=\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g,
    (c) => (c.length === 2 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  )
}

/** A YAML flow mapping, one `key: value` per defined field, in the given order. */
export function yamlFlowMap(data: Record<string, string | string[] | number | boolean | undefined>): string {
  const scalar = (v: string | number | boolean) => (typeof v === 'string' ? yamlString(v) : JSON.stringify(v))
  const parts: string[] = []
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    parts.push(`${key}: ${Array.isArray(value) ? `[${value.map(scalar).join(', ')}]` : scalar(value)}`)
  }
  return `{${parts.join(', ')}}`
}
