/**
 * `decodeURIComponent` that answers null for text that is not valid percent-encoding (`%E0%A4%A`) instead of
 * throwing: every address and cookie a client sends is hostile input, and a throw inside a request or upgrade
 * handler would take the process down.
 */
export function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
