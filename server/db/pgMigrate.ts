import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const dir = path.resolve(import.meta.dirname, '../../prisma/postgres/migrations')
// Any constant: instances starting together take turns applying migrations.
const LOCK_KEY = 7_317_001

/**
 * Applies prisma/postgres/migrations/*.sql in name order, each once, each in
 * its own transaction. Prisma 6.19's wasm migrate engine cannot introspect
 * PostgreSQL (prisma/orm#27403), so the SQL is generated with
 * `prisma migrate diff` and applied here.
 */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const applied: string[] = []
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_crux_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    )
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM "_crux_migrations"')).rows.map((r) => r.name),
    )
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      if (done.has(file)) continue
      await client.query('BEGIN')
      try {
        await client.query(fs.readFileSync(path.join(dir, file), 'utf8'))
        await client.query('INSERT INTO "_crux_migrations" (name) VALUES ($1)', [file])
        await client.query('COMMIT')
        applied.push(file)
      } catch (err) {
        await client.query('ROLLBACK')
        throw new Error(`migration ${file} failed: ${(err as Error).message}`)
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    await client.end()
  }
  return applied
}
