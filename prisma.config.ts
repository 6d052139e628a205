import fs from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

// The CLI reads this file, not .env; default to the embedded database.
process.env.DATABASE_URL ??= 'file:./data/crux.db'
// SQLite creates the file but not its folder.
if (process.env.DATABASE_URL.startsWith('file:')) {
  fs.mkdirSync(path.dirname(process.env.DATABASE_URL.slice('file:'.length)), { recursive: true })
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! })
  },
})
