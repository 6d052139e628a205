import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { DUPLICATE_THRESHOLD } from '@/core/duplicates'
import { SET_FILE, bestDevThreshold, buildSet, figuresTable, report } from '../../../scripts/duplicates/evaluate'

/**
 * [DD3] The labelled set and the figures in docs/ are what
 * scripts/duplicates/evaluate.ts computes from the content and the code now:
 * a change to the detector that moves precision or recall fails here until
 * the docs say so.
 */
test('[DD3] docs/duplicates-set.json is the set built from the seed maps and the hand-labelled pairs', async () => {
  const set = await buildSet()
  expect(JSON.parse(fs.readFileSync(SET_FILE, 'utf8'))).toEqual(set)
  expect(set.filter((p) => p.duplicate).length).toBeGreaterThan(60)
  expect(set.filter((p) => !p.duplicate).length).toBeGreaterThan(60)
})

test('[DD3] the threshold in use is the one chosen on the development half, and docs/duplicates.md gives the figures it has', async () => {
  const set = await buildSet()
  expect(bestDevThreshold(set)).toBe(DUPLICATE_THRESHOLD)
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/duplicates.md'), 'utf8')
  const r = report(set)
  expect(doc).toContain(figuresTable(r))
  // A floor on the held-out half: below it the detector is not worth showing to students.
  expect(r.test.precision).toBeGreaterThanOrEqual(0.8)
  expect(r.test.recall).toBeGreaterThanOrEqual(0.8)
})
