import type { ArgumentMap } from '../core/graph'
import { withLayout } from '../core/layout/arrange'
import type { PublicRole } from '../core/permissions'
import type { MapService } from './maps'

export interface SeedMap {
  key: string
  title: string
  map: ArgumentMap
}

export type SeedOutcome = { key: string; id: string; action: 'created' | 'kept' | 'restored' }

/**
 * Creates each seed map once. Seeding is idempotent and never touches a map
 * that already exists (people may have edited it); `restore` puts the
 * originals back in place, keeping their ids and links.
 */
export async function seedMaps(
  maps: MapService,
  seeds: SeedMap[],
  options: { restore?: boolean; publicRole?: PublicRole } = {},
): Promise<SeedOutcome[]> {
  const out: SeedOutcome[] = []
  for (const seed of seeds) {
    const existing = await maps.findBySeedKey(seed.key)
    // Laid out only when written: a kept map is never touched.
    const content = () => withLayout({ ...seed.map, title: seed.title })
    if (!existing) {
      const created = await maps
        .create({ title: seed.title, content: await content(), seedKey: seed.key, publicRole: options.publicRole ?? 'editor' })
        // Several instances starting together: the one that lost the race keeps the winner's map.
        .catch(async (err) => {
          const winner = await maps.findBySeedKey(seed.key)
          if (!winner) throw err
          return null
        })
      if (created) out.push({ key: seed.key, id: created.id, action: 'created' })
      else out.push({ key: seed.key, id: (await maps.findBySeedKey(seed.key))!.id, action: 'kept' })
    } else if (options.restore) {
      await maps.replaceContent(existing.id, await content())
      out.push({ key: seed.key, id: existing.id, action: 'restored' })
    } else {
      out.push({ key: seed.key, id: existing.id, action: 'kept' })
    }
  }
  return out
}
