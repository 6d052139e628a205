import type { OutlineItem } from '../convert'
import type { ArgumentMap } from '../graph'

/** What an evaluation badge shows: the same shape the editor's NodeBadge reads. */
export interface PublishedBadge {
  label: 'IN' | 'OUT' | 'UNDEC'
  strength: number
  why: string
}

/** One published version, parsed, evaluated and outlined once, then served from memory. */
export interface PublishedView {
  mapId: string
  slug: string
  number: number
  /** Newest version number at the time this view was read (for "a newer version exists"). */
  latest: number
  title: string
  publishedAt: Date
  map: ArgumentMap
  outline: OutlineItem[]
  badges: Record<string, PublishedBadge>
  /** Node id -> author name, when the owner published with authors named ([PA1]). */
  authorOf?: Record<string, string>
  /** The owner's display name, only while the owner allows a byline ([PR12]). */
  byline?: string
  /** The main thesis, for OpenGraph and link previews. */
  description: string
}
