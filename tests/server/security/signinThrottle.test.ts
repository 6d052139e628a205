import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createAccounts } from '@/server/auth/accounts'
import { createThrottle } from '@/server/auth/throttle'
import { freshSqliteDb } from '../../../harness/db'

/**
 * Password guessing against one account is capped: five failures in fifteen
 * minutes and sign-in for that email waits, even with the right password,
 * until the oldest failure is out of the window. Real accounts, real argon2,
 * real SQLite; only the clock is ours.
 */
describe('[PH8] sign-in attempts per account are capped', () => {
  const password = 'correct horse battery staple'
  // Each test gets its own database, accounts and clock, so none depends on what another left behind.
  let database: ReturnType<typeof freshSqliteDb>
  let accounts: ReturnType<typeof createAccounts>
  let clock: number

  beforeEach(async () => {
    database = freshSqliteDb()
    clock = 1_000_000
    accounts = createAccounts(database.db, createThrottle({ maxFailures: 5, windowMs: 15 * 60_000, now: () => clock }))
    for (const email of ['teacher@example.test', 'other@example.test']) {
      expect((await accounts.signUp({ email, password, name: email })).ok).toBe(true)
    }
  })
  afterEach(() => database.dispose())

  test('five wrong passwords, then even the right one waits; other accounts are untouched; the window reopens', async () => {
    for (let i = 0; i < 5; i++) {
      clock += 1000
      expect(await accounts.signIn({ email: 'teacher@example.test', password: `guess ${i}` })).toMatchObject({
        ok: false,
        error: 'Wrong email or password',
      })
    }
    const refused = await accounts.signIn({ email: 'teacher@example.test', password })
    expect(refused).toMatchObject({
      ok: false,
      error: 'Too many failed sign-ins for this email. Try again in 15 minutes.',
    })
    expect((await accounts.signIn({ email: 'other@example.test', password })).ok).toBe(true)

    // Once the first failure is fifteen minutes old, one attempt may go ahead again.
    clock += 15 * 60_000 - 4000
    expect((await accounts.signIn({ email: 'teacher@example.test', password })).ok).toBe(true)
  })

  test('a success clears the count; unknown emails are capped the same way (no hint which emails exist)', async () => {
    for (let i = 0; i < 4; i++) await accounts.signIn({ email: 'other@example.test', password: 'wrong' })
    expect((await accounts.signIn({ email: 'other@example.test', password })).ok).toBe(true)
    for (let i = 0; i < 4; i++) await accounts.signIn({ email: 'other@example.test', password: 'wrong' })
    expect((await accounts.signIn({ email: 'other@example.test', password })).ok).toBe(true)

    for (let i = 0; i < 5; i++) await accounts.signIn({ email: 'nobody@example.test', password: 'wrong' })
    expect(await accounts.signIn({ email: 'nobody@example.test', password: 'wrong' })).toMatchObject({
      error: expect.stringMatching(/^Too many failed sign-ins/),
    })
  })

  test('memory stays bounded under a flood of made-up emails', () => {
    const throttle = createThrottle({ maxFailures: 1, maxKeys: 100, now: () => clock })
    for (let i = 0; i < 1000; i++) throttle.fail(`flood-${i}@example.test`)
    expect(throttle.waitMs('flood-999@example.test')).toBeGreaterThan(0)
    expect(throttle.waitMs('flood-0@example.test')).toBe(0)
  })
})
