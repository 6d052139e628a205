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

/** A backslash before each control character; Argdown drops the backslash on reading. */
export function escapeArgdownText(text: string): string {
  return text.replace(ARGDOWN_CONTROL, (c) => `\\${c}`)
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
