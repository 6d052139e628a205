/**
 * How big a file Crux imports, shared by the upload form (which checks
 * before sending) and the server (which enforces it). Big enough for a
 * 2,000-node map in AIF (the most verbose format), small enough to parse in
 * a request.
 */
export const IMPORT_MAX_BYTES = 5_000_000
export const IMPORT_SIZE_MESSAGE = `Files up to ${IMPORT_MAX_BYTES / 1_000_000} MB can be imported`

/** The size message with the file's own size, for the form. */
export function importTooBig(bytes: number): string | undefined {
  return bytes > IMPORT_MAX_BYTES
    ? `${IMPORT_SIZE_MESSAGE}; this one is ${(bytes / 1_000_000).toFixed(1)} MB`
    : undefined
}

/** UTF-8 length without building the bytes. */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3 // the rest of the BMP; a lone surrogate is sent as U+FFFD, also three bytes
  }
  return n
}
