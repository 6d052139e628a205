/** What an embed can be asked for in its address; the builder on the publish page writes these. */
export interface EmbedOptions {
  minimap: boolean
  outlineFirst: boolean
}

export const EMBED_HEIGHT = { min: 240, max: 1600, default: 500 }

export function parseEmbedOptions(query: URLSearchParams): EmbedOptions {
  return { minimap: query.get('minimap') !== 'off', outlineFirst: query.get('outline') === 'first' }
}

/** The iframe snippet for the chosen options; the title is escaped for an HTML attribute. */
export function embedCode(input: {
  origin: string
  slug: string
  title: string
  version: number | null
  height: number
  options: EmbedOptions
}): string {
  const path = input.version ? `/embed/${input.slug}/v/${input.version}` : `/embed/${input.slug}`
  const query = new URLSearchParams()
  if (!input.options.minimap) query.set('minimap', 'off')
  if (input.options.outlineFirst) query.set('outline', 'first')
  const qs = query.size > 0 ? `?${query}` : ''
  const height = Math.round(Math.min(EMBED_HEIGHT.max, Math.max(EMBED_HEIGHT.min, input.height)))
  return `<iframe src="${input.origin}${path}${qs}" title="${escapeAttr(input.title)}" width="100%" height="${height}" style="border:1px solid #d9dee8;max-width:100%" loading="lazy"></iframe>`
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
