import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createAccounts } from '@/server/auth/accounts'
import { createSessions, SESSION_TTL_DAYS } from '@/server/auth/sessions'
import { createThrottle } from '@/server/auth/throttle'
import { freshSqliteDb } from '../../../harness/db'

/** [PH6] Sessions on a real SQLite database: what the cookie holds, what the database keeps, how long it lasts. */
describe('[PH6] sessions', () => {
  let database: ReturnType<typeof freshSqliteDb>
  let userId: string

  beforeEach(async () => {
    database = freshSqliteDb()
    const accounts = createAccounts(database.db, createThrottle({ maxFailures: 5, windowMs: 60_000, now: () => 0 }))
    userId = (await accounts.createGuest('Session tester')).id
  })
  afterEach(() => database.dispose())

  test('the cookie holds 32 random bytes and the database only their SHA-256, so a copy of the database signs nobody in', async () => {
    const sessions = createSessions(database.db)
    const a = await sessions.create(userId)
    const b = await sessions.create(userId)
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32)
    expect(a.token).not.toBe(b.token)

    const rows = await database.db.session.findMany({ where: { userId } })
    const stored = rows.map((r) => r.id).sort()
    const hashes = [a.token, b.token].map((t) => createHash('sha256').update(t).digest('base64url')).sort()
    expect(stored).toEqual(hashes)
    expect(stored).not.toContain(a.token)
    // Presenting what the database holds, instead of the token, is refused.
    expect(await sessions.user(stored[0])).toBeNull()
    expect((await sessions.user(a.token))?.id).toBe(userId)
  })

  test(`a session lasts ${SESSION_TTL_DAYS} days and not a moment longer; a revoked one ends at once`, async () => {
    const sessions = createSessions(database.db)
    const start = new Date('2026-12-01T12:00:00Z')
    const { token, expiresAt } = await sessions.create(userId, start)
    expect(expiresAt.getTime() - start.getTime()).toBe(30 * 86_400_000)
    expect((await sessions.user(token, new Date(expiresAt.getTime() - 1)))?.id).toBe(userId)
    expect(await sessions.user(token, expiresAt)).toBeNull()

    const other = await sessions.create(userId, start)
    await sessions.revoke(other.token)
    expect(await sessions.user(other.token, start)).toBeNull()
  })
})
