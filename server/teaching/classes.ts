import { createHash, randomInt } from 'node:crypto'
import { z } from 'zod'
import { newId } from '../../core/graph'
import { DisplayNameSchema } from '../auth/accounts'
import { normalizeJoinCode, type AccessChanged } from '../auth/access'
import type { Db } from '../db/client'

/**
 * [PK1]–[PK5] Classes: a teacher's students under one join code, in teams,
 * each with one account kept across every map the class is given. Students
 * need no email: they sign in with a personal code, of which only the hash
 * is stored. Callers check that the caller teaches the class
 * (`isTeacher`): the UI hiding a form is not the protection.
 */

export const TeamSchema = z.string().trim().min(1).max(40).nullable()
export const ClassNameSchema = z.string().trim().min(1, 'Name the class').max(100)
/** Bulk add: one name per line, at most a big lecture. */
export const RosterSchema = z
  .string()
  .max(20_000)
  .transform((s) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(z.array(DisplayNameSchema).min(1, 'Enter at least one name').max(300))

// Readable aloud, as join codes are: no 0/O, 1/I/L.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const randomCode = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
const grouped = (s: string) => s.match(/.{1,4}/g)!.join('-')

/** [PK2] 12 characters (about 59 bits): guessing one is hopeless, so no lockout is needed that one pupil could trigger for all. */
export function personalCode(): string {
  return grouped(randomCode(12))
}
export function normalizePersonalCode(input: string): string {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return s.length === 12 ? grouped(s) : s
}
export const hashPersonalCode = (code: string) =>
  createHash('sha256')
    .update(`crux-personal:${normalizePersonalCode(code)}`)
    .digest('base64url')

export interface ClassView {
  id: string
  name: string
  joinCode: string
  members: Array<{ userId: string; name: string; role: 'teacher' | 'student'; team: string | null; managed: boolean }>
  maps: Array<{ mapId: string; title: string; team: string | null; templateId: string | null }>
}

/** A student's printable line: the name and the code they sign in with. */
export interface SignInLine {
  userId: string
  name: string
  code: string
}

export function createClasses(db: Db, onChange: AccessChanged) {
  /** [PK4] Memberships the class grants on one of its maps, for these people. */
  async function grantOn(classId: string, mapId: string, team: string | null, userIds?: string[]): Promise<void> {
    const members = await db.classMember.findMany({
      where: { classId, ...(userIds ? { userId: { in: userIds } } : {}) },
    })
    const changed: string[] = []
    for (const m of members) {
      // A team's own copy is for that team (and the teachers) only ([PG1]).
      if (m.role === 'student' && team !== null && m.team !== team) continue
      const role = m.role === 'teacher' ? 'owner' : 'editor'
      const existing = await db.membership.findUnique({ where: { mapId_userId: { mapId, userId: m.userId } } })
      if (!existing) {
        await db.membership.create({ data: { mapId, userId: m.userId, role, group: m.team, viaClass: classId } })
      } else if (existing.viaClass === classId || (role === 'owner' && existing.role !== 'owner')) {
        // Never lowers a role granted otherwise ([PR5] for classes).
        await db.membership.update({
          where: { mapId_userId: { mapId, userId: m.userId } },
          data: { group: m.team, ...(existing.role === 'owner' ? {} : { role }), viaClass: classId },
        })
      }
      changed.push(m.userId)
    }
    if (changed.length > 0) onChange(mapId, changed)
  }

  async function grantAllMaps(classId: string, userIds: string[]): Promise<void> {
    for (const m of await db.classMap.findMany({ where: { classId } })) await grantOn(classId, m.mapId, m.team, userIds)
  }

  async function addStudent(classId: string, userId: string, team: string | null): Promise<void> {
    await db.classMember.upsert({
      where: { classId_userId: { classId, userId } },
      create: { classId, userId, role: 'student', team },
      update: {},
    })
    await grantAllMaps(classId, [userId])
  }

  return {
    /** [PK1] A new class with one join code; its creator teaches it. */
    async create(teacherId: string, name: string): Promise<{ id: string; joinCode: string }> {
      const id = newId('k')
      const joinCode = grouped(randomCode(8))
      await db.class.create({
        data: {
          id,
          name: ClassNameSchema.parse(name),
          joinCode,
          members: { create: { userId: teacherId, role: 'teacher' } },
        },
      })
      return { id, joinCode }
    },

    async isTeacher(classId: string, userId: string | null | undefined): Promise<boolean> {
      if (!userId) return false
      const m = await db.classMember.findUnique({ where: { classId_userId: { classId, userId } } })
      return m?.role === 'teacher'
    },

    /** Classes a person teaches or attends. */
    async listFor(userId: string) {
      const rows = await db.classMember.findMany({
        where: { userId },
        include: { class: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      })
      return rows.map((r) => ({
        id: r.class.id,
        name: r.class.name,
        role: r.role as 'teacher' | 'student',
        team: r.team,
      }))
    },

    async view(classId: string): Promise<ClassView | null> {
      const c = await db.class.findUnique({
        where: { id: classId },
        include: {
          members: {
            include: { user: { select: { name: true, signInCodeHash: true } } },
            orderBy: { createdAt: 'asc' },
          },
          maps: { orderBy: { createdAt: 'asc' } },
        },
      })
      if (!c) return null
      const titles = new Map(
        (
          await db.map.findMany({
            where: { id: { in: c.maps.map((m) => m.mapId) } },
            select: { id: true, title: true },
          })
        ).map((m) => [m.id, m.title]),
      )
      return {
        id: c.id,
        name: c.name,
        joinCode: c.joinCode,
        members: c.members.map((m) => ({
          userId: m.userId,
          name: m.user.name,
          role: m.role as 'teacher' | 'student',
          team: m.team,
          managed: m.user.signInCodeHash !== null,
        })),
        maps: c.maps
          .filter((m) => titles.has(m.mapId))
          .map((m) => ({ mapId: m.mapId, title: titles.get(m.mapId)!, team: m.team, templateId: m.templateId })),
      }
    },

    /** [PK2] Managed accounts for a roster: one per name, each with a personal code, shown once as a sign-in list. */
    async addStudents(classId: string, names: string[], team: string | null = null): Promise<SignInLine[]> {
      const lines: SignInLine[] = []
      for (const name of names) {
        const code = personalCode()
        const user = await db.user.create({
          data: { id: newId('u'), name, isGuest: true, signInCodeHash: hashPersonalCode(code) },
        })
        await db.classMember.create({ data: { classId, userId: user.id, role: 'student', team } })
        lines.push({ userId: user.id, name, code })
      }
      await grantAllMaps(
        classId,
        lines.map((l) => l.userId),
      )
      return lines
    },

    /** [PK2] New personal codes for these students (all when omitted); the old ones stop working. */
    async reissueCodes(classId: string, userIds?: string[]): Promise<SignInLine[]> {
      const students = await db.classMember.findMany({
        where: { classId, role: 'student', ...(userIds ? { userId: { in: userIds } } : {}) },
        include: { user: { select: { name: true, email: true } } },
        orderBy: { createdAt: 'asc' },
      })
      const lines: SignInLine[] = []
      // Accounts with an email sign in with it; a code is for students who have none.
      for (const s of students.filter((s) => !s.user.email)) {
        const code = personalCode()
        await db.user.update({ where: { id: s.userId }, data: { signInCodeHash: hashPersonalCode(code) } })
        lines.push({ userId: s.userId, name: s.user.name, code })
      }
      return lines
    },

    /**
     * [PK2] A student joins with the class code: an account they already use (signed in),
     * or a new one with a personal code, returned once so they can sign in elsewhere.
     */
    async joinByCode(
      code: string,
      who: { userId: string } | { name: string },
    ): Promise<
      { ok: true; classId: string; userId: string; personalCode: string | null } | { ok: false; error: string }
    > {
      const c = await db.class.findUnique({ where: { joinCode: normalizeJoinCode(code) } })
      if (!c) return { ok: false, error: 'That code is not valid' }
      if ('userId' in who) {
        await addStudent(c.id, who.userId, null)
        return { ok: true, classId: c.id, userId: who.userId, personalCode: null }
      }
      const fresh = personalCode()
      const user = await db.user.create({
        data: {
          id: newId('u'),
          name: DisplayNameSchema.parse(who.name),
          isGuest: true,
          signInCodeHash: hashPersonalCode(fresh),
        },
      })
      await addStudent(c.id, user.id, null)
      return { ok: true, classId: c.id, userId: user.id, personalCode: fresh }
    },

    async isClassCode(code: string): Promise<boolean> {
      return (await this.previewCode(code)) !== null
    },

    /** What a class code leads to, for the join page: the class's name, nothing more. */
    async previewCode(code: string): Promise<{ className: string } | null> {
      const c = await db.class.findUnique({ where: { joinCode: normalizeJoinCode(code) }, select: { name: true } })
      return c && { className: c.name }
    },

    /** [PK2] The account a personal code signs in, if any. */
    async userForPersonalCode(code: string): Promise<{ id: string; name: string } | null> {
      if (normalizePersonalCode(code).length !== 14) return null
      return db.user.findUnique({ where: { signInCodeHash: hashPersonalCode(code) }, select: { id: true, name: true } })
    },

    /** [PK4] Gives the class a map: teachers own it, students edit it in their team. */
    async assignMap(
      classId: string,
      mapId: string,
      team: string | null = null,
      templateId: string | null = null,
    ): Promise<void> {
      await db.classMap.upsert({
        where: { classId_mapId: { classId, mapId } },
        create: { classId, mapId, team, templateId },
        update: { team, templateId },
      })
      await grantOn(classId, mapId, team)
    },

    /**
     * [PK5] Moves a student to a team: their team on every class map follows (votes and
     * perspectives use it from now on), and a team's own copies follow the move. What they
     * wrote stays theirs: authorship is by account, never by team.
     */
    async moveStudent(classId: string, userId: string, team: string | null): Promise<boolean> {
      const { count } = await db.classMember.updateMany({
        where: { classId, userId, role: 'student' },
        data: { team: TeamSchema.parse(team) },
      })
      if (count === 0) return false
      for (const m of await db.classMap.findMany({ where: { classId } })) {
        if (m.team !== null && m.team !== team) {
          // Leaving a team's copy: it is that team's work space; the student keeps their authorship there.
          const { count: left } = await db.membership.deleteMany({
            where: { mapId: m.mapId, userId, viaClass: classId },
          })
          if (left > 0) onChange(m.mapId, [userId])
        } else await grantOn(classId, m.mapId, m.team, [userId])
      }
      return true
    },
  }
}

export type Classes = ReturnType<typeof createClasses>
