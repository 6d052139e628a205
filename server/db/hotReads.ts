import Database from 'better-sqlite3'
import type { Db } from './client'

/**
 * The reads every connection makes: its session, the map's access switches and the person's membership
 * (the token request makes them, and the socket upgrade makes the last two again, [PS3]), and whether a
 * room that opens has a checkpoint. A class connecting
 * at once makes thousands in a few seconds, and each through Prisma costs about a millisecond of the event
 * loop in its query compiler; on SQLite these run as prepared statements instead, on a connection of their
 * own. Both forms return the same rows (`tests/server/hotReads.test.ts`).
 */
export interface MapAccessRow {
  publicRole: string
  ownWork: string
  phase: string | null
  phaseSet: string | null
  anonymous: boolean
  review: boolean
}

export interface MembershipRow {
  role: string
  group: string | null
  viaLink: string | null
  viaClass: string | null
}

export interface SessionRow {
  expiresAt: Date
  user: { id: string; name: string; email: string | null; isGuest: boolean }
}

export interface HotReads {
  mapAccess(mapId: string): Promise<MapAccessRow | null>
  membership(mapId: string, userId: string): Promise<MembershipRow | null>
  /** `id` is the session token's digest, as stored. */
  session(id: string): Promise<SessionRow | null>
  /** Whether the map has any checkpoint: asked when a room opens ([HI1]'s first checkpoint). */
  hasCheckpoint(mapId: string): Promise<boolean>
  close(): void
}

const MAP_ACCESS = { publicRole: true, ownWork: true, phase: true, phaseSet: true, anonymous: true, review: true }
const MEMBERSHIP = { role: true, group: true, viaLink: true, viaClass: true }

export function prismaHotReads(db: Db): HotReads {
  return {
    mapAccess: (mapId) => db.map.findUnique({ where: { id: mapId }, select: MAP_ACCESS }),
    membership: (mapId, userId) =>
      db.membership.findUnique({ where: { mapId_userId: { mapId, userId } }, select: MEMBERSHIP }),
    session: (id) =>
      db.session.findUnique({
        where: { id },
        select: { expiresAt: true, user: { select: { id: true, name: true, email: true, isGuest: true } } },
      }),
    hasCheckpoint: async (mapId) => (await db.checkpoint.count({ where: { mapId } })) > 0,
    close() {},
  }
}

/** On the SQLite file Prisma writes: booleans are stored as 0/1, dates as ISO 8601 text (or epoch ms). */
export function sqliteHotReads(url: string, options: { busyTimeoutMs: number }): HotReads {
  const db = new Database(url.replace(/^file:/, ''), { readonly: true, timeout: options.busyTimeoutMs })
  const mapAccess = db.prepare<[string]>(
    'SELECT "publicRole", "ownWork", "phase", "phaseSet", "anonymous", "review" FROM "Map" WHERE "id" = ?',
  )
  const membership = db.prepare<[string, string]>(
    'SELECT "role", "group", "viaLink", "viaClass" FROM "Membership" WHERE "mapId" = ? AND "userId" = ?',
  )
  const session = db.prepare<[string]>(
    `SELECT s."expiresAt", u."id", u."name", u."email", u."isGuest"
       FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`,
  )
  const checkpoint = db.prepare<[string]>('SELECT 1 FROM "Checkpoint" WHERE "mapId" = ? LIMIT 1')
  return {
    async mapAccess(mapId) {
      const row = mapAccess.get(mapId) as (Omit<MapAccessRow, 'anonymous' | 'review'> & Flags) | undefined
      return row ? { ...row, anonymous: row.anonymous === 1, review: row.review === 1 } : null
    },
    async membership(mapId, userId) {
      return (membership.get(mapId, userId) as MembershipRow | undefined) ?? null
    },
    async session(id) {
      const row = session.get(id) as
        { expiresAt: string | number; id: string; name: string; email: string | null; isGuest: number } | undefined
      if (!row) return null
      return {
        expiresAt: new Date(row.expiresAt),
        user: { id: row.id, name: row.name, email: row.email, isGuest: row.isGuest === 1 },
      }
    },
    async hasCheckpoint(mapId) {
      return checkpoint.get(mapId) !== undefined
    },
    close: () => db.close(),
  }
}

type Flags = { anonymous: number; review: number }
