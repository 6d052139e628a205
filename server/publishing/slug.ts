import { randomBytes } from 'node:crypto'
import { slugify } from '../../core/convert/argdown/ids'

export const SLUG_BASE_MAX = 48
const SUFFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/**
 * `/p/<slug>`: the title's words, cut at a word boundary, plus a short random
 * suffix so two maps called "Homework" never fight over one address.
 * Always matches PUBLISH_SLUG.
 */
export function publishSlug(title: string, random: (n: number) => Uint8Array = randomBytes): string {
  let base = slugify(title)
  if (base.length > SLUG_BASE_MAX)
    base = base.slice(0, SLUG_BASE_MAX).replace(/-[^-]*$/, '') || base.slice(0, SLUG_BASE_MAX)
  base = base.replace(/-+$/, '') || 'map'
  const bytes = random(5)
  let suffix = ''
  for (const b of bytes) suffix += SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]
  return `${base}-${suffix}`
}

/** What a slug in an address may look like; anything else is a 404 before any lookup. */
export const PUBLISH_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const PUBLISH_SLUG_MAX = 80
