import { MAP_TITLE_MAX } from '../core/graph'
import type { Access } from './auth/access'
import { checkMapRole } from './auth/mapRole'
import type { MapService } from './maps'

export type CopyResult = { ok: true; id: string } | { ok: false; error: string }

/**
 * [PR11] "Make a copy": anyone who may view a map (guests included) gets a
 * new map with its title, nodes and relations, owned by them alone and open
 * to nobody else. Votes, members, join codes and published versions stay with
 * the original, which is not touched. The caller's right to view is checked
 * here, not by the button.
 */
export async function copyMap(
  deps: { maps: MapService; access: Pick<Access, 'grant'> },
  mapId: string,
  userId: string,
): Promise<CopyResult> {
  const check = await checkMapRole(deps.access, mapId, userId, 'view')
  const meta = check.ok ? await deps.maps.get(mapId) : null
  // A map the caller may not view does not exist for them.
  if (!meta) return { ok: false, error: 'No such map' }
  // Read through the map service: this module also runs inside Next's bundle, which must not load a second Yjs [SY9].
  const original = await deps.maps.graph(mapId)
  const title = copyTitle(original.title || meta.title)
  const copy = await deps.maps.create({
    title,
    content: { ...original, title, votes: [] },
    ownerId: userId,
    publicRole: 'none',
  })
  return { ok: true, id: copy.id }
}

export function copyTitle(title: string): string {
  return `Copy of ${title}`.slice(0, MAP_TITLE_MAX)
}
