import * as Y from 'yjs'
import { emptyMap, newId, type ArgumentMap, type MapCredits } from '../core/graph'
import { SYSTEM_ORIGIN, contributors, readCredits, readGraph, replaceGraph, setTitle } from '../core/ydoc'
import type { PublicRole } from '../core/permissions'
import type { Access } from './auth/access'
import type { Db } from './db/client'
import type { MapStore } from './store/MapStore'
import type { RoomRegistry } from './sync/RoomRegistry'

export interface MapMeta {
  id: string
  title: string
  seedKey: string | null
  publicRole: string
  createdAt: Date
  updatedAt: Date
}

/** Close code sent to everyone on a map that was just deleted. */
export const CLOSE_MAP_DELETED = 4404

/**
 * Map metadata and lifecycle. Content lives in the map's document; the row
 * keeps what lists and links need. Renames go through the live document so
 * open editors see them at once.
 */
export function createMapService(db: Db, store: MapStore, rooms: RoomRegistry, access: Access) {
  return {
    /** [PR8] Maps a person may open: theirs, and those open to anyone with the address. */
    async listFor(userId: string | null): Promise<Array<MapMeta & { role: string | null }>> {
      const rows = await db.map.findMany({
        where: {
          OR: [{ publicRole: { not: 'none' } }, ...(userId ? [{ memberships: { some: { userId } } }] : [])],
        },
        include: { memberships: { where: { userId: userId ?? '' }, select: { role: true } } },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      })
      return rows.map(({ memberships, ...m }) => ({ ...m, role: memberships[0]?.role ?? null }))
    },

    async get(id: string): Promise<MapMeta | null> {
      return db.map.findUnique({ where: { id } })
    },

    async findBySeedKey(seedKey: string): Promise<MapMeta | null> {
      return db.map.findUnique({ where: { seedKey } })
    },

    /** Creates the row and the first document state together: a map never exists without content. */
    async create(input: {
      title: string
      content?: ArgumentMap
      seedKey?: string
      ownerId?: string
      publicRole?: PublicRole
    }): Promise<MapMeta> {
      const id = newId('m')
      const doc = new Y.Doc()
      replaceGraph(doc, { ...(input.content ?? emptyMap()), title: input.title }, SYSTEM_ORIGIN)
      const meta = await db.map.create({
        data: { id, title: input.title, seedKey: input.seedKey ?? null, publicRole: input.publicRole ?? 'none' },
      })
      try {
        await store.append(id, [Y.encodeStateAsUpdate(doc)])
        if (input.ownerId) await access.addOwner(id, input.ownerId)
      } catch (err) {
        await db.map.delete({ where: { id } }).catch(() => {})
        throw err
      }
      return meta
    },

    async rename(id: string, title: string): Promise<MapMeta> {
      const meta = await db.map.update({ where: { id }, data: { title } })
      await rooms.withRoom(id, (room) => setTitle(room.doc, title, SYSTEM_ORIGIN))
      return meta
    },

    /** Replaces a map's content in place (restoring a seed map, importing over it). */
    async replaceContent(id: string, content: ArgumentMap): Promise<void> {
      await db.map.update({ where: { id }, data: { title: content.title } })
      await rooms.withRoom(id, async (room) => {
        replaceGraph(room.doc, content, SYSTEM_ORIGIN)
        await room.flush()
      })
    },

    async remove(id: string): Promise<boolean> {
      const live = rooms.live(id)
      if (live) {
        const room = await live
        for (const peer of room.peersWhere(() => true)) peer.close(CLOSE_MAP_DELETED, 'map deleted')
      }
      const { count } = await db.map.deleteMany({ where: { id } })
      return count > 0
    },

    /** The document's current state, read from the live room or the store. */
    async snapshot(id: string): Promise<Uint8Array> {
      return rooms.withRoom(id, (room) => Y.encodeStateAsUpdate(room.doc))
    },

    /** The map's live content as a graph, from the open room or the store. */
    async graph(id: string): Promise<ArgumentMap> {
      return rooms.withRoom(id, (room) => readGraph(room.doc))
    },

    /** Everyone who wrote in the map, as the server bound them ([PA1]): names only, no graph read. */
    async contributors(id: string): Promise<Array<{ userId: string; name: string }>> {
      return rooms.withRoom(id, (room) =>
        [...contributors(room.doc).values()].map((c) => ({ userId: c.userId, name: c.name })),
      )
    },

    /** The map and who wrote what in it ([PA1]), for exports and publishing. */
    async content(id: string): Promise<{ map: ArgumentMap; credits: MapCredits }> {
      return rooms.withRoom(id, (room) => ({ map: readGraph(room.doc), credits: readCredits(room.doc) }))
    },
  }
}

export type MapService = ReturnType<typeof createMapService>
