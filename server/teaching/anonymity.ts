import { pseudonyms } from '../../core/presence/pseudonyms'
import { SYSTEM_ORIGIN, contributors, renameContributors } from '../../core/ydoc'
import type { Db } from '../db/client'
import type { RoomRegistry } from '../sync/RoomRegistry'

/**
 * [PN1]–[PN4] Anonymity on a map: students (everyone but owners) appear as
 * stable per-map pseudonyms on cursors, authors and votes; owners see real
 * names. The server applies them: to the identity it forces into awareness
 * and binds to clientIDs (server/auth/socketAuth.ts), and to the names the
 * doc already holds, rewritten in place whenever the setting changes.
 */

/** Members of a map in the order they joined: the order pseudonyms are handed out in ([PN2]). */
async function membersInOrder(db: Db, mapId: string) {
  return db.membership.findMany({
    where: { mapId },
    select: { userId: true, role: true, user: { select: { name: true } } },
    orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
  })
}

/** [PN2] This person's pseudonym on this map, or null when the map is not anonymous or they own it. */
export async function pseudonymOn(
  db: Db,
  mapId: string,
  map: { anonymous: boolean },
  userId: string,
  role: string | null,
): Promise<string | null> {
  if (!map.anonymous || role === 'owner') return null
  const members = await membersInOrder(db, mapId)
  const order = members.map((m) => m.userId)
  if (!order.includes(userId)) order.push(userId) // public-role visitors come after members
  return pseudonyms(mapId, order).get(userId) ?? null
}

export function createAnonymity(db: Db, rooms: RoomRegistry, onChange: (mapId: string, userIds: 'all') => void) {
  return {
    async isOn(mapId: string): Promise<boolean> {
      return (await db.map.findUnique({ where: { id: mapId }, select: { anonymous: true } }))?.anonymous === true
    },

    /** [PN4] Owners only (callers check [PR9]); any time, both ways: the names in the doc follow at once. */
    async set(mapId: string, on: boolean): Promise<void> {
      await db.map.update({ where: { id: mapId }, data: { anonymous: on } })
      const members = await membersInOrder(db, mapId)
      const real = new Map(members.map((m) => [m.userId, m.user.name]))
      const owners = new Set(members.filter((m) => m.role === 'owner').map((m) => m.userId))
      await rooms.withRoom(mapId, (room) => {
        // People the doc names who are no longer members are students too: they get a pseudonym as well.
        const order = [
          ...members.map((m) => m.userId),
          ...[...contributors(room.doc).keys()].filter((u) => !real.has(u)).sort(),
        ]
        const shown = pseudonyms(mapId, order)
        renameContributors(
          room.doc,
          (userId) => (on && !owners.has(userId) ? shown.get(userId) : real.get(userId)),
          SYSTEM_ORIGIN,
        )
      })
      onChange(mapId, 'all')
    },

    /** [PN1] For owners' screens: each member's real name, by userId. */
    async realNames(mapId: string): Promise<Record<string, string>> {
      return Object.fromEntries((await membersInOrder(db, mapId)).map((m) => [m.userId, m.user.name]))
    },
  }
}

export type Anonymity = ReturnType<typeof createAnonymity>
