import { z } from 'zod'
import { newId } from '../../core/graph'
import type { Db } from '../db/client'
import { hashPassword, verifyPassword } from './passwords'
import { createThrottle, type Throttle } from './throttle'

export const EmailSchema = z.string().trim().toLowerCase().email('Enter a valid email address').max(254)
export const PasswordSchema = z.string().min(10, 'Use at least 10 characters').max(200)
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(60, 'Keep names under 60 characters')
  // Control characters and bidi overrides let a name impersonate or hide text.
  .refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), 'Names cannot contain control characters')

// A stored hash to verify against when the email is unknown, so sign-in takes
// as long for unknown emails as for wrong passwords.
let decoy: Promise<string> | undefined

export function createAccounts(db: Db, throttle: Throttle = createThrottle()) {
  return {
    async signUp(input: { email: string; password: string; name: string }) {
      const existing = await db.user.findUnique({ where: { email: input.email } })
      if (existing) return { ok: false as const, error: 'An account with that email already exists' }
      const user = await db.user.create({
        data: {
          id: newId('u'),
          email: input.email,
          name: input.name,
          passwordHash: await hashPassword(input.password),
        },
      })
      return { ok: true as const, user }
    },

    async signIn(input: { email: string; password: string }) {
      const wait = throttle.waitMs(input.email)
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60_000)
        return {
          ok: false as const,
          error: `Too many failed sign-ins for this email. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        }
      }
      const user = await db.user.findUnique({ where: { email: input.email } })
      decoy ??= hashPassword('decoy password that never matches')
      const ok = await verifyPassword(user?.passwordHash ?? (await decoy), input.password)
      if (!user || !user.passwordHash || !ok) {
        // Unknown emails count too, so the cap does not tell which emails have accounts.
        throttle.fail(input.email)
        return { ok: false as const, error: 'Wrong email or password' }
      }
      throttle.succeed(input.email)
      return { ok: true as const, user }
    },

    async createGuest(name: string) {
      return db.user.create({ data: { id: newId('g'), name, isGuest: true } })
    },
  }
}

export type Accounts = ReturnType<typeof createAccounts>
