import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import type { ParseResult } from '@/core/convert/json'
import { problems } from '@/core/graph'

/** The AIF fixture files and the checks the aif.*.test.ts files share. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/aif')
export const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')
export const json = (name: string): unknown => JSON.parse(text(name))

/** The parse succeeded and its map has no problems; the result, for further checks. */
export function ok(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`)
  expect(problems(result.map)).toEqual([])
  return result
}
