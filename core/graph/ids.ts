/** Short random ids; collisions across 1e6 ids in one map are ~1e-9 likely. */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  let s = ''
  for (const b of bytes) s += ALPHABET[b & 63]
  return prefix + s
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
