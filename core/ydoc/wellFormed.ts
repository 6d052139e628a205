/**
 * [DU7] One text for every replica. A lone UTF-16 surrogate (half of an
 * emoji, e.g. from a cut at the wrong index) cannot be encoded as UTF-8, so
 * Yjs sends and stores U+FFFD in its place while the writer's own Y.Text
 * keeps the half: writer and peers would differ until a reload. Every string
 * is made well-formed on the write path, before it enters the doc.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

/** `wellFormed` for a value of unknown type: strings only, everything else as it is. */
export function wellFormedValue<T>(value: T): T {
  return (typeof value === 'string' ? wellFormed(value) : value) as T
}
