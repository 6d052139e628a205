import { randomInt } from 'node:crypto'
import { newId } from '../../core/graph'
import { effectiveRole, rank, type Phase, type PublicRole, type Role } from '../../core/permissions'
import type { Db } from '../db/client'
import { prismaHotReads, type HotReads } from '../db/hotReads'
import { pseudonymOn } from '../teaching/anonymity'
import { phaseSetRevision, storedPhases } from '../teaching/phases'

export interface Grant {
  role: Role | null
  group: string | null
  /** [PA10] Under the own-work policy: an editor who changes and deletes only their own records. */
  ownWork: boolean
  /** [PP2] The map's current phase, if it is in one. */
  phase: Phase | null
  /** [PN1] The name this person is shown under on this map, when the map is anonymous and they are not an owner. */
  pseudonym: string | null
  /** [PM1] Review mode binds this person: their new nodes arrive pending. */
  review: boolean
  /** The map-wide classroom switches, 'a' anonymous and 'r' review mode ([PN4], [PM1]), then the phase set's revision ([PP6]). */
  classroom: string
}

export const OWN_WORK_SETTINGS = ['off', 'code', 'editors'] as const
export type OwnWorkSetting = (typeof OWN_WORK_SETTINGS)[number]

/** [PA10] The policy binds editors: those who joined by a code ('code', the default), or every editor. */
export function ownWorkApplies(setting: string, role: Role | null, joinedByCode: boolean): boolean {
  if (role !== 'editor') return false
  return setting === 'editors' || (setting === 'code' && joinedByCode)
}

export interface MemberView {
  userId: string
  name: string
  email: string | null
  isGuest: boolean
  role: Role
  group: string | null
}

/** Called after any change that can lower someone's rights, so live sockets follow at once. */
export type AccessChanged = (mapId: string, userIds: string[] | 'all') => void

// Join codes people can read aloud in a classroom: no 0/O, 1/I/L.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
function joinCode(): string {
  let s = ''
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return `${s.slice(0, 4)}-${s.slice(4)}`
}

export function normalizeJoinCode(input: string): string {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s
}

/** Roles, memberships and share links: the rules are in core/permissions/SPEC.md. */
/** `reads` serve the grant's two lookups; prepared statements on SQLite (see server/db/hotReads.ts). */
export function createAccess(db: Db, onChange: AccessChanged, reads: HotReads = prismaHotReads(db)) {
  return {
    async grant(mapId: string, userId: string | null): Promise<Grant> {
      const map = await reads.mapAccess(mapId)
      if (!map)
        return { role: null, group: null, ownWork: false, phase: null, pseudonym: null, review: false, classroom: '' }
      const member = userId ? await reads.membership(mapId, userId) : null
      const role = effectiveRole((member?.role as Role | undefined) ?? null, map.publicRole as PublicRole)
      return {
        role,
        group: member?.group ?? null,
        // Students a class made members are bound as code-joined ones are ([PK4]).
        ownWork: ownWorkApplies(map.ownWork, role, !!(member?.viaLink || member?.viaClass) && member.role === role),
        phase: storedPhases(map).current,
        pseudonym: userId && role ? await pseudonymOn(db, mapId, map, userId, role) : null,
        review: map.review && role !== 'owner',
        classroom: `${map.anonymous ? 'a' : ''}${map.review ? 'r' : ''}${phaseSetRevision(map.phaseSet)}`,
      }
    },

    async settings(
      mapId: string,
    ): Promise<{ ownWork: OwnWorkSetting; publishAuthors: boolean; review: boolean } | null> {
      const map = await db.map.findUnique({
        where: { id: mapId },
        select: { ownWork: true, publishAuthors: true, review: true },
      })
      if (!map) return null
      const ownWork = (OWN_WORK_SETTINGS as readonly string[]).includes(map.ownWork)
        ? (map.ownWork as OwnWorkSetting)
        : 'code'
      return { ownWork, publishAuthors: map.publishAuthors, review: map.review }
    },

    /** [PR9] Owner-only (the caller checks); live sockets pick the policy (and review mode, [PM1]) up at once. */
    async setSettings(
      mapId: string,
      input: { ownWork?: OwnWorkSetting; publishAuthors?: boolean; review?: boolean },
    ): Promise<void> {
      await db.map.update({ where: { id: mapId }, data: input })
      onChange(mapId, 'all')
    },

    async members(mapId: string): Promise<MemberView[]> {
      const rows = await db.membership.findMany({
        where: { mapId },
        include: { user: { select: { name: true, email: true, isGuest: true } } },
        orderBy: [{ createdAt: 'asc' }],
      })
      return rows.map((m) => ({
        userId: m.userId,
        name: m.user.name,
        email: m.user.email,
        isGuest: m.user.isGuest,
        role: m.role as Role,
        group: m.group,
      }))
    },

    /**
     * Adds an existing account, found by its email, with a role ([PR10]). It never lowers a role the
     * person already holds, and it never creates an account: people without one join with a code.
     */
    async invite(
      mapId: string,
      email: string,
      role: Role,
    ): Promise<{ ok: true; name: string } | { ok: false; error: string }> {
      const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, isGuest: true } })
      if (!user || user.isGuest)
        return { ok: false, error: `No account uses ${email}. They can create one, or join with a code.` }
      const existing = await db.membership.findUnique({ where: { mapId_userId: { mapId, userId: user.id } } })
      if (existing && rank(existing.role as Role) >= rank(role)) {
        return {
          ok: false,
          error: `${user.name} is already ${existing.role === 'owner' ? 'an owner' : `a${existing.role === 'editor' ? 'n' : ''} ${existing.role}`} of this map`,
        }
      }
      await db.membership.upsert({
        where: { mapId_userId: { mapId, userId: user.id } },
        create: { mapId, userId: user.id, role },
        update: { role, viaLink: null },
      })
      onChange(mapId, [user.id])
      return { ok: true, name: user.name }
    },

    async addOwner(mapId: string, userId: string): Promise<void> {
      await db.membership.upsert({
        where: { mapId_userId: { mapId, userId } },
        create: { mapId, userId, role: 'owner' },
        update: { role: 'owner', viaLink: null },
      })
    },

    /** [PR7] The last owner cannot be demoted or removed: a map always has someone who can manage it. */
    async setRole(mapId: string, userId: string, role: Role): Promise<{ ok: true } | { ok: false; error: string }> {
      const current = await db.membership.findUnique({ where: { mapId_userId: { mapId, userId } } })
      if (!current) return { ok: false, error: 'Not a member of this map' }
      if (current.role === 'owner' && role !== 'owner' && (await ownerCount(db, mapId)) <= 1) {
        return { ok: false, error: 'A map needs at least one owner' }
      }
      await db.membership.update({ where: { mapId_userId: { mapId, userId } }, data: { role, viaLink: null } })
      onChange(mapId, [userId])
      return { ok: true }
    },

    async removeMember(mapId: string, userId: string): Promise<{ ok: true } | { ok: false; error: string }> {
      const current = await db.membership.findUnique({ where: { mapId_userId: { mapId, userId } } })
      if (!current) return { ok: false, error: 'Not a member of this map' }
      if (current.role === 'owner' && (await ownerCount(db, mapId)) <= 1) {
        return { ok: false, error: 'A map needs at least one owner' }
      }
      await db.membership.delete({ where: { mapId_userId: { mapId, userId } } })
      onChange(mapId, [userId])
      return { ok: true }
    },

    async setPublicRole(mapId: string, publicRole: PublicRole): Promise<void> {
      await db.map.update({ where: { id: mapId }, data: { publicRole } })
      onChange(mapId, 'all')
    },

    async createShareLink(
      mapId: string,
      createdBy: string,
      input: { role: 'viewer' | 'commenter' | 'editor'; expiresAt: Date | null; group: string | null },
    ) {
      return db.shareLink.create({
        data: {
          id: newId('l'),
          mapId,
          code: joinCode(),
          createdBy,
          role: input.role,
          expiresAt: input.expiresAt,
          group: input.group,
        },
      })
    },

    async shareLinks(mapId: string) {
      return db.shareLink.findMany({ where: { mapId, revokedAt: null }, orderBy: { createdAt: 'asc' } })
    },

    /** [PR6] Revoking a link also revokes the memberships it granted (unless changed since). */
    async revokeShareLink(mapId: string, linkId: string): Promise<boolean> {
      const { count } = await db.shareLink.updateMany({
        where: { id: linkId, mapId, revokedAt: null },
        data: { revokedAt: new Date() },
      })
      if (count === 0) return false
      const granted = await db.membership.findMany({ where: { mapId, viaLink: linkId }, select: { userId: true } })
      await db.membership.deleteMany({ where: { mapId, viaLink: linkId } })
      onChange(
        mapId,
        granted.map((g) => g.userId),
      )
      return true
    },

    /** [PR5] A valid code makes the user a member with the link's role, never lowering an existing role. */
    async redeem(
      code: string,
      userId: string,
      now = new Date(),
    ): Promise<{ ok: true; mapId: string } | { ok: false; error: string }> {
      const link = await db.shareLink.findUnique({ where: { code: normalizeJoinCode(code) } })
      if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) {
        return { ok: false, error: 'That code is not valid (it may have expired or been revoked)' }
      }
      const existing = await db.membership.findUnique({ where: { mapId_userId: { mapId: link.mapId, userId } } })
      if (!existing) {
        await db.membership.create({
          data: { mapId: link.mapId, userId, role: link.role, group: link.group, viaLink: link.id },
        })
      } else if (rank(link.role as Role) > rank(existing.role as Role)) {
        await db.membership.update({
          where: { mapId_userId: { mapId: link.mapId, userId } },
          data: { role: link.role, viaLink: link.id, group: link.group ?? existing.group },
        })
      }
      return { ok: true, mapId: link.mapId }
    },

    /**
     * What a join code leads to, for the join page to say before anyone commits. Only a valid code
     * tells anything, and it tells no more than redeeming it would show.
     */
    async previewCode(
      code: string,
      now = new Date(),
    ): Promise<{ mapTitle: string; role: string; group: string | null } | null> {
      const link = await db.shareLink.findUnique({
        where: { code: normalizeJoinCode(code) },
        select: { role: true, group: true, revokedAt: true, expiresAt: true, map: { select: { title: true } } },
      })
      if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null
      return { mapTitle: link.map.title, role: link.role, group: link.group }
    },
  }
}

async function ownerCount(db: Db, mapId: string): Promise<number> {
  return db.membership.count({ where: { mapId, role: 'owner' } })
}

export type Access = ReturnType<typeof createAccess>
