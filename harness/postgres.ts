import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migratePostgres } from '@/server/db/pgMigrate'

/** The PostgreSQL that this machine and CI run (trust auth); tests fail loudly without it. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A fresh, migrated database on the local PostgreSQL, dropped by `dispose`. */
export async function freshPostgresDb(): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = `crux_test_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  try {
    await admin.connect()
  } catch (err) {
    throw new Error(`The scale-out tests need PostgreSQL at ${POSTGRES_ADMIN_URL}: ${(err as Error).message}`)
  }
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`)
  await migratePostgres(url)
  return {
    url,
    async dispose() {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}
