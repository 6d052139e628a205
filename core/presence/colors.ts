/** Dark enough for white label text (WCAG AA on #fff), distinct in hue. */
export const PRESENCE_PALETTE = [
  '#b91c1c',
  '#1d4ed8',
  '#047857',
  '#7e22ce',
  '#a16207',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
] as const

/** A stable colour per person: FNV-1a hash of the id into the palette. */
export function colorFor(id: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return PRESENCE_PALETTE[(h >>> 0) % PRESENCE_PALETTE.length]!
}
