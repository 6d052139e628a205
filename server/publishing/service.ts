// The modules themselves, not core/convert's index: that would load @argdown/core into the sync process.
import { parseCruxJson, serializeCruxJson } from '../../core/convert/json'
import { buildOutline, isRef, type OutlineItem } from '../../core/convert/outline'
import { badgesOf } from '../../core/publishing/badges'
import { newId, type ArgumentMap, type MapCredits } from '../../core/graph'
import type { Access } from '../auth/access'
import { checkMapRole } from '../auth/mapRole'
import type { Db } from '../db/client'
import type { MapService } from '../maps'
import type { PublishedView } from '../../core/publishing/view'
import { Lru } from './lru'
import { PUBLISH_SLUG, PUBLISH_SLUG_MAX, publishSlug } from './slug'

export interface VersionSummary {
  number: number
  title: string
  createdAt: Date
}

export type PublishResult = { ok: true; slug: string; number: number } | { ok: false; error: string }

/** Where a slug points, cached briefly: publish/unpublish in this process clear it at once. */
interface Pointer {
  mapId: string
  published: boolean
  latest: number
  /** The owner's name while the byline is on ([PR12]), read with the pointer, never frozen into a version. */
  byline: string | null
  readAt: number
}

export interface PublishingOptions {
  /** Parsed versions kept in memory; each holds one map plus its outline and badges. */
  cacheSize?: number
  /** How long a slug lookup is trusted, for changes made by another process (e.g. a deleted map). */
  pointerTtlMs?: number
  now?: () => number
}

const DESCRIPTION_MAX = 200

/**
 * Publishing: an owner freezes the map's current state as an immutable
 * version at /p/<slug>/v/<n>; /p/<slug> shows the newest. Unpublishing hides
 * every version without deleting any. Versions never change, so their parsed
 * form is cached by (map, number) and only the slug pointer is invalidated.
 */
export function createPublishing(db: Db, maps: MapService, access: Access, options: PublishingOptions = {}) {
  const versions = new Lru<string, Omit<PublishedView, 'latest' | 'slug'>>(options.cacheSize ?? 64)
  const pointers = new Lru<string, Pointer>(1024)
  const ttl = options.pointerTtlMs ?? 10_000
  const now = options.now ?? Date.now

  async function isOwner(mapId: string, userId: string): Promise<boolean> {
    return (await checkMapRole(access, mapId, userId, 'manage')).ok
  }

  async function pointer(slug: string): Promise<Pointer | null> {
    const hit = pointers.get(slug)
    if (hit && now() - hit.readAt < ttl) return hit
    const row = await db.map.findUnique({
      where: { publishSlug: slug },
      select: {
        id: true,
        published: true,
        publishByline: true,
        versions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 },
        // [PR12] The first owner is the one named; a map always keeps one ([PR7]).
        memberships: {
          where: { role: 'owner' },
          orderBy: { createdAt: 'asc' },
          take: 1,
          select: { user: { select: { name: true } } },
        },
      },
    })
    if (!row) {
      pointers.delete(slug)
      return null
    }
    const byline = row.publishByline ? (row.memberships[0]?.user.name ?? null) : null
    const p = { mapId: row.id, published: row.published, latest: row.versions[0]?.number ?? 0, byline, readAt: now() }
    pointers.set(slug, p)
    return p
  }

  async function view(slug: string, p: Pointer, number: number): Promise<PublishedView | null> {
    const key = `${p.mapId}:${number}`
    let v = versions.get(key)
    if (!v) {
      const row = await db.publishedVersion.findUnique({ where: { mapId_number: { mapId: p.mapId, number } } })
      if (!row) return null
      v = prepare(row)
      versions.set(key, v)
    }
    return { ...v, slug, latest: p.latest, ...(p.byline ? { byline: p.byline } : {}) }
  }

  return {
    /** Freezes the map as it is now into version last + 1; the first publish picks the slug. */
    async publish(mapId: string, userId: string): Promise<PublishResult> {
      if (!(await isOwner(mapId, userId))) return { ok: false, error: 'Only owners can publish a map' }
      const meta = await db.map.findUnique({ where: { id: mapId }, select: { title: true, publishSlug: true } })
      if (!meta) return { ok: false, error: 'No such map' }
      const { map, credits } = await maps.content(mapId)
      const slug = meta.publishSlug ?? (await claimSlug(db, mapId, map.title || meta.title))
      // Authors are named on the published page only where the owner allows it.
      const named = (await access.settings(mapId))?.publishAuthors === true
      const number = await appendVersion(db, mapId, map, named ? credits : undefined)
      await db.map.update({ where: { id: mapId }, data: { published: true } })
      pointers.delete(slug)
      return { ok: true, slug, number }
    },

    /** Hides every version; the slug is kept so republishing restores the same links. */
    async unpublish(mapId: string, userId: string): Promise<PublishResult> {
      if (!(await isOwner(mapId, userId))) return { ok: false, error: 'Only owners can unpublish a map' }
      const meta = await db.map.update({
        where: { id: mapId },
        data: { published: false },
        select: { publishSlug: true },
      })
      if (meta.publishSlug) pointers.delete(meta.publishSlug)
      return { ok: true, slug: meta.publishSlug ?? '', number: 0 }
    },

    /** [PR12] Owner-only: whether published pages name the owner; every version follows at once. */
    async setByline(mapId: string, userId: string, on: boolean): Promise<PublishResult> {
      if (!(await isOwner(mapId, userId))) return { ok: false, error: 'Only owners can change the byline' }
      const meta = await db.map.update({
        where: { id: mapId },
        data: { publishByline: on },
        select: { publishSlug: true },
      })
      if (meta.publishSlug) pointers.delete(meta.publishSlug)
      return { ok: true, slug: meta.publishSlug ?? '', number: 0 }
    },

    /** For the owner's page: the address, the byline setting and every version, newest first. */
    async status(
      mapId: string,
    ): Promise<{ slug: string | null; published: boolean; byline: boolean; versions: VersionSummary[] } | null> {
      const row = await db.map.findUnique({
        where: { id: mapId },
        select: {
          publishSlug: true,
          published: true,
          publishByline: true,
          versions: { select: { number: true, title: true, createdAt: true }, orderBy: { number: 'desc' } },
        },
      })
      return row
        ? { slug: row.publishSlug, published: row.published, byline: row.publishByline, versions: row.versions }
        : null
    },

    /** The newest version at /p/<slug>; null when unknown or unpublished. */
    async latest(slug: string): Promise<PublishedView | null> {
      if (!validSlug(slug)) return null
      const p = await pointer(slug)
      if (!p?.published || p.latest === 0) return null
      return view(slug, p, p.latest)
    },

    /** One version at /p/<slug>/v/<n>; null when unknown or unpublished. */
    async version(slug: string, number: number): Promise<PublishedView | null> {
      if (!validSlug(slug) || !Number.isSafeInteger(number) || number < 1) return null
      const p = await pointer(slug)
      if (!p?.published || number > p.latest) return null
      return view(slug, p, number)
    },

    /** For tests and the benchmark: what the version cache holds. */
    cachedVersions: () => versions.keys(),
  }
}

export type Publishing = ReturnType<typeof createPublishing>

const validSlug = (slug: string) => slug.length <= PUBLISH_SLUG_MAX && PUBLISH_SLUG.test(slug)

async function claimSlug(db: Db, mapId: string, title: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = publishSlug(title)
    // Only a map without a slug takes one: a concurrent first publish keeps the winner's.
    const taken = await db.map.findUnique({ where: { publishSlug: slug }, select: { id: true } })
    if (taken) continue
    try {
      await db.map.updateMany({ where: { id: mapId, publishSlug: null }, data: { publishSlug: slug } })
    } catch (err) {
      if (isUniqueViolation(err)) continue
      throw err
    }
    const row = await db.map.findUniqueOrThrow({ where: { id: mapId }, select: { publishSlug: true } })
    return row.publishSlug!
  }
  throw new Error('could not find a free publish address')
}

/** number = last + 1; two publishes racing get distinct numbers through the unique index. */
async function appendVersion(db: Db, mapId: string, map: ArgumentMap, credits?: MapCredits): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const last = await db.publishedVersion.findFirst({
      where: { mapId },
      orderBy: { number: 'desc' },
      select: { number: true },
    })
    const number = (last?.number ?? 0) + 1
    try {
      await db.publishedVersion.create({
        data: { id: newId('v'), mapId, number, title: map.title, content: serializeCruxJson(map, credits) },
      })
      return number
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err)) continue
      throw err
    }
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002'
}

function prepare(row: { mapId: string; number: number; title: string; content: string; createdAt: Date }) {
  const parsed = parseCruxJson(row.content)
  // Stored by this app through serializeCruxJson: failing here means a corrupted row.
  if (!parsed.ok)
    throw new Error(`published version ${row.mapId}/${row.number} is unreadable: ${parsed.errors[0]?.message}`)
  const map = parsed.map
  const outline = buildOutline(map)
  const authorOf = publishedAuthors(row.content)
  const badges = badgesOf(map)
  return {
    mapId: row.mapId,
    number: row.number,
    title: row.title,
    publishedAt: row.createdAt,
    map,
    outline,
    badges,
    authorOf,
    description: describe(outline),
  }
}

/** Node id -> author name, when the version was published with credits ([PA1]). */
function publishedAuthors(content: string): Record<string, string> | undefined {
  const credits = (JSON.parse(content) as { credits?: MapCredits }).credits
  if (!credits) return undefined
  const names = new Map(credits.people.map((p) => [p.userId, p.name]))
  const out: Record<string, string> = {}
  for (const [id, r] of Object.entries(credits.records)) {
    const name = r.createdBy ? names.get(r.createdBy) : undefined
    if (name) out[id] = name
  }
  return out
}

function describe(outline: OutlineItem[]): string {
  const first = outline.find((i) => !isRef(i))
  const text = first && !isRef(first) ? first.text.replace(/\s+/g, ' ').trim() : ''
  return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1).trimEnd()}…` : text
}
