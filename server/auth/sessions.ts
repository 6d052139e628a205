import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/client'
import { prismaHotReads, type HotReads } from '../db/hotReads'

export const SESSION_COOKIE = 'crux_session'
export const SESSION_TTL_DAYS = 30

const digest = (token: string) => createHash('sha256').update(token).digest('base64url')

export interface SessionUser {
  id: string
  name: string
  email: string | null
  isGuest: boolean
}

/**
 * Cookie sessions. The cookie holds a random token; the database holds only
 * its hash, so reading the database does not let anyone sign in.
 */
export function createSessions(db: Db, reads: HotReads = prismaHotReads(db)) {
  return {
    async create(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(now.getTime() + SESSION_TTL_DAYS * 86_400_000)
      await db.session.create({ data: { id: digest(token), userId, expiresAt } })
      return { token, expiresAt }
    },

    async user(token: string | undefined, now = new Date()): Promise<SessionUser | null> {
      if (!token || token.length > 100) return null
      const session = await reads.session(digest(token))
      if (!session || session.expiresAt <= now) return null
      return session.user
    },

    async revoke(token: string | undefined): Promise<void> {
      if (token) await db.session.deleteMany({ where: { id: digest(token) } })
    },
  }
}

export type Sessions = ReturnType<typeof createSessions>
