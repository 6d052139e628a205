import { createHash } from 'node:crypto'
import type { ArgumentMap } from '../core/graph'
import { withLayout } from '../core/layout/arrange'
import type { PublicRole } from '../core/permissions'
import type { Access } from './auth/access'
import type { Db } from './db/client'
import type { MapService } from './maps'

export interface SeedMap {
  key: string
  title: string
  map: ArgumentMap
  /** Version of the seed content (content/maps/index.json); a higher one replaces older copies. */
  version: number
  /** Content hash of what was seeded before versions were recorded, to tell an untouched old copy from an edited one. */
  unversionedHash?: string
}

export type SeedOutcome = {
  key: string
  id: string
  action: 'created' | 'kept' | 'updated' | 'restored'
  /** Set when people's edits were kept as a map of their own before the update. */
  keptEditsIn?: string
}

export type SeedDeps = { maps: MapService; access: Pick<Access, 'setPublicRole'>; db: Db }

/** What was last written into each seed map, kept in the Setting table. */
type SeedRecord = { version: number; hash: string }
const recordKey = (seedKey: string) => `seed:${seedKey}`

/**
 * Creates each missing seed map and brings existing ones to the current
 * seed version, keeping their ids and links:
 * - a seed map at an older version is updated in place; if people edited it
 *   since it was seeded (its content no longer matches what was written), their
 *   version is first kept as a map of its own, so nothing is lost;
 * - `restore` (`npm run db:reseed`) writes the current seed over every seed
 *   map, edited or not: it is how an operator undoes vandalism.
 * Seed maps have no owner, so their public role is the configured one,
 * applied on every pass.
 */
export async function seedMaps(
  deps: SeedDeps,
  seeds: SeedMap[],
  options: { restore?: boolean; publicRole?: PublicRole } = {},
): Promise<SeedOutcome[]> {
  const { maps, access, db } = deps
  const publicRole = options.publicRole ?? 'viewer'
  const out: SeedOutcome[] = []
  for (const seed of seeds) {
    const existing = await maps.findBySeedKey(seed.key)
    // Laid out only when written: a kept map is never touched.
    const content = () => withLayout({ ...seed.map, title: seed.title })
    const record = { version: seed.version, hash: seedContentHash({ ...seed.map, title: seed.title }) }
    if (!existing) {
      const created = await maps
        .create({ title: seed.title, content: await content(), seedKey: seed.key, publicRole })
        // Several instances starting together: the one that lost the race keeps the winner's map.
        .catch(async (err) => {
          const winner = await maps.findBySeedKey(seed.key)
          if (!winner) throw err
          return null
        })
      if (created) {
        await writeRecord(db, seed.key, record)
        out.push({ key: seed.key, id: created.id, action: 'created' })
      } else out.push({ key: seed.key, id: (await maps.findBySeedKey(seed.key))!.id, action: 'kept' })
      continue
    }
    if (existing.publicRole !== publicRole) await access.setPublicRole(existing.id, publicRole)
    const seeded = await readRecord(db, seed.key)
    if (options.restore) {
      await maps.replaceContent(existing.id, await content())
      await writeRecord(db, seed.key, record)
      out.push({ key: seed.key, id: existing.id, action: 'restored' })
      continue
    }
    if ((seeded?.version ?? 1) >= seed.version) {
      out.push({ key: seed.key, id: existing.id, action: 'kept' })
      continue
    }
    const current = await maps.graph(existing.id)
    const untouched = seedContentHash(current) === (seeded?.hash ?? seed.unversionedHash)
    let keptEditsIn: string | undefined
    if (!untouched) {
      const copy = await maps.create({
        title: `${current.title} (edits kept at the seed update to version ${seed.version})`,
        content: current,
        publicRole: existing.publicRole as PublicRole,
      })
      keptEditsIn = copy.id
    }
    await maps.replaceContent(existing.id, await content())
    await writeRecord(db, seed.key, record)
    out.push({ key: seed.key, id: existing.id, action: 'updated', ...(keptEditsIn ? { keptEditsIn } : {}) })
  }
  return out
}

/**
 * A hash of what a map says: title, nodes and relations without positions
 * (moving nodes about is not an edit worth keeping a copy for) and without
 * votes. Key order is fixed, so the same map always gives the same hash.
 * What import keeps only for export and no one edits in Crux (a node's
 * Argdown title and reconstruction, its AIF force) is left out too, so maps
 * seeded before those were kept hash as they did.
 */
export function seedContentHash(map: ArgumentMap): string {
  const nodes = [...map.nodes]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ x: _x, y: _y, pinned: _p, title: _t, pcs: _pcs, force: _f, ...n }) =>
      Object.fromEntries(
        Object.entries(n)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    )
  const relations = [...map.relations]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => [r.id, r.kind, r.source, r.target])
  return createHash('sha256')
    .update(JSON.stringify({ title: map.title, nodes, relations }))
    .digest('hex')
}

async function readRecord(db: Db, seedKey: string): Promise<SeedRecord | null> {
  const row = await db.setting.findUnique({ where: { key: recordKey(seedKey) } })
  if (!row) return null
  const parsed = JSON.parse(row.value) as Partial<SeedRecord>
  return typeof parsed.version === 'number' && typeof parsed.hash === 'string'
    ? { version: parsed.version, hash: parsed.hash }
    : null
}

async function writeRecord(db: Db, seedKey: string, record: SeedRecord): Promise<void> {
  const value = JSON.stringify(record)
  await db.setting.upsert({
    where: { key: recordKey(seedKey) },
    create: { key: recordKey(seedKey), value },
    update: { value },
  })
}
