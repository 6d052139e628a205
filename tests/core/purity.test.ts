import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
// core/ runs in the browser, the Next server, the websocket server and tests.
const FORBIDDEN = /^(react|react-dom|next|@prisma\/|ws$|y-websocket|node:|fs$|path$|http$|crypto$)/

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : []
  })
}

test('core imports no framework, database, network or Node built-in modules', () => {
  const offenders: string[] = []
  for (const file of sources(path.join(root, 'core'))) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!
      if (FORBIDDEN.test(spec)) offenders.push(`${path.relative(root, file)}: ${spec}`)
    }
  }
  expect(offenders).toEqual([])
})
