import type { RelationKind } from '../../graph'

/**
 * Deterministic ids for imported maps. A node's id comes from its Argdown
 * title, so the same title in two maps is the same node; a relation's id
 * comes from its ends, so re-importing a file yields the same ids.
 */

/** Argdown keeps statements `[...]` and arguments `<...>` in separate namespaces; so do we. */
export const STATEMENT_PREFIX = 's-'
export const ARGUMENT_PREFIX = 'a-'

const MAX_ID = 64
const HASH_LEN = 8

/** 53-bit string hash (cyrb53); only needs to be stable and well spread, not secure. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return n.toString(36).padStart(HASH_LEN, '0').slice(-HASH_LEN)
}

/** Lowercase ASCII words joined by "-"; accents are folded, everything else separates words. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * `s-` or `a-` plus the slug of the title. Titles with no ASCII letters
 * (e.g. Cyrillic) or too long to fit fall back to a hash, so ids never
 * collide by truncation and always satisfy IdSchema.
 */
export function idFromTitle(prefix: string, title: string): string {
  const slug = slugify(title)
  if (slug === '') return prefix + stableHash(title)
  if (prefix.length + slug.length <= MAX_ID) return prefix + slug
  const room = MAX_ID - prefix.length - HASH_LEN - 1
  return `${prefix}${slug.slice(0, room).replace(/-+$/, '')}-${stableHash(title)}`
}

/** One relation per (kind, source, target), so the id is derived from exactly that. */
export function relationId(kind: RelationKind, source: string, target: string): string {
  return `r-${kind}-${stableHash(`${kind}\u0000${source}\u0000${target}`)}`
}

/**
 * The title export writes for a node that has none of its own: the id
 * without its prefix when that slug yields the id back, else `node <id>`
 * (with the id in YAML). Import stores a title only when it differs from
 * this, so a Crux map survives export and import unchanged ([AD1]).
 */
export function derivedTitle(id: string, isArgument: boolean): { title: string; yieldsId: boolean } {
  const prefix = isArgument ? ARGUMENT_PREFIX : STATEMENT_PREFIX
  const rest = id.slice(prefix.length)
  const yieldsId = id.startsWith(prefix) && rest !== '' && slugify(rest) === rest && id.length <= MAX_ID
  return yieldsId ? { title: rest, yieldsId } : { title: `node ${id}`, yieldsId }
}
