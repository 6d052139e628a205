// Derives prisma/postgres/schema.prisma from prisma/schema.prisma, so the
// scale-out database never drifts from the embedded one. Run after changing
// the schema: `npm run db:pg-schema` (a test fails when it is out of date).
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

export function postgresSchema(sqliteSchema: string): string {
  return [
    '// GENERATED from prisma/schema.prisma by scripts/pg-schema.ts: edit that file, not this one.',
    sqliteSchema
      .replace('output     = "../server/db/generated"', 'output     = "../../server/db/generated-pg"')
      .replace('provider = "sqlite"', 'provider = "postgresql"'),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
  fs.writeFileSync(path.join(root, 'prisma/postgres/schema.prisma'), postgresSchema(source))
  console.log('wrote prisma/postgres/schema.prisma')
}
