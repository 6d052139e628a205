import { randomBytes } from 'node:crypto'
import type { Db } from '../db/client'

const KEY = 'auth.tokenSecret'

/**
 * The key that signs map tokens. AUTH_SECRET wins; otherwise one is generated
 * on first start and kept in the database, so every instance sharing that
 * database verifies the others' tokens with zero set-up.
 */
export async function tokenSecret(db: Db, fromEnv: string | undefined): Promise<Uint8Array> {
  if (fromEnv) return new TextEncoder().encode(fromEnv)
  const fresh = randomBytes(32).toString('base64url')
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: fresh }, update: {} })
  const row = await db.setting.findUniqueOrThrow({ where: { key: KEY } })
  return new TextEncoder().encode(row.value)
}
