import { slugify } from '@/core/convert/argdown/ids'

/** A file name from a map title: the same words the server uses for its downloads. */
export function fileBaseName(title: string): string {
  return slugify(title).slice(0, 60).replace(/-+$/, '') || 'map'
}
