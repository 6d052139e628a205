import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '@/server/db/client'

const root = path.resolve(import.meta.dirname, '..')

/** A migrated template database, built once per migration set with the real Prisma CLI. */
function templateDb(): string {
  const dir = path.join(root, 'prisma/migrations')
  const hash = createHash('sha256')
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f)
    if (fs.statSync(p).isFile()) hash.update(f).update(fs.readFileSync(p))
  }
  const file = path.join(os.tmpdir(), `crux-template-${hash.digest('hex').slice(0, 12)}.db`)
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`
    execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${tmp}` },
      stdio: 'pipe',
    })
    fs.renameSync(tmp, file)
  }
  return file
}

/** A fresh, migrated SQLite database in a temp folder, and its Prisma client. */
export function freshSqliteDb(): { db: Db; url: string; file: string; dispose(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crux-db-'))
  const file = path.join(dir, 'test.db')
  fs.copyFileSync(templateDb(), file)
  const url = `file:${file}`
  const db = createDb(url)
  return {
    db,
    url,
    file,
    async dispose() {
      await db.$disconnect()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
