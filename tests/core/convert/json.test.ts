import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CRUX_JSON_VERSION, parseCruxJson, serializeCruxJson, type ParseResult } from '@/core/convert/json'
import { ArgumentMapSchema, problems } from '@/core/graph'
import { arbValidMap } from './arbitraries'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/json')
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')
const goldenMap = () =>
  ArgumentMapSchema.parse(JSON.parse(readFileSync(path.resolve(FIXTURES, '../aif/golden-map.json'), 'utf8')))

function errorsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

describe('serializeCruxJson', () => {
  test('matches the checked-in golden file', () => {
    expect(serializeCruxJson(goldenMap())).toBe(text('v1-golden.json'))
  })

  test('writes the envelope with the current schemaVersion', () => {
    const file = JSON.parse(serializeCruxJson(goldenMap()))
    expect([file.format, file.schemaVersion]).toEqual(['crux', CRUX_JSON_VERSION])
  })

  test('round trip: parse(serialize(map)) is the map, with no warnings', () => {
    fc.assert(
      fc.property(arbValidMap(), (map) => {
        expect(parseCruxJson(serializeCruxJson(map))).toEqual({ ok: true, map, warnings: [] })
      }),
      { numRuns: 200 },
    )
  })
})

describe('parseCruxJson', () => {
  test('golden file back to the golden map', () => {
    expect(parseCruxJson(text('v1-golden.json'))).toEqual({ ok: true, map: goldenMap(), warnings: [] })
  })

  test('migrates a version-0 file (a bare map, no envelope) to the current version', () => {
    const result = parseCruxJson(text('v0-bare-map.json'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.map.title).toBe('Before the envelope')
    expect(result.map.nodes.map((n) => [n.id, n.pinned])).toEqual([
      ['a', false],
      ['b', false],
    ])
    expect(result.map.votes).toEqual([])
    expect(result.map.relations).toEqual([{ id: 'r1', kind: 'supports', source: 'b', target: 'a' }])
  })

  test('refuses a file from a newer version, saying which', () => {
    expect(errorsOf(parseCruxJson(text('newer-version.json')))).toEqual([
      { at: 'schemaVersion', message: 'written by a newer Crux (schemaVersion 2); this app reads up to 1' },
    ])
  })

  test('repairs what a merge can leave dangling and reports each drop', () => {
    const result = parseCruxJson(text('dangling.json'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(problems(result.map)).toEqual([])
    expect(result.map.relations.map((r) => r.id)).toEqual(['r1'])
    expect(result.map.votes).toEqual([{ nodeId: 'a', userId: 'u1', value: 4 }])
    expect(result.warnings).toEqual([
      { at: 'map.relations[1]', message: 'dropped: relation "r2" goes to missing node "gone"' },
      { at: 'map.relations[2]', message: 'dropped: undercut "r3" aims at "r1", which is not a kept support' },
      { at: 'map.relations[3]', message: 'dropped: relation "r4" joins a node to itself' },
      { at: 'map.votes[1]', message: 'dropped: vote on missing node "gone"' },
    ])
  })

  test('schema errors carry JSON paths into the file', () => {
    const errors = errorsOf(parseCruxJson(text('invalid.json')))
    expect(errors.map((e) => e.at).sort()).toEqual(['map.nodes[1].id', 'map.nodes[1].kind'])
    expect(errors.find((e) => e.at === 'map.nodes[1].id')!.message).toMatch(/letters, digits/)
  })

  test('a version-0 file gets paths without the "map." it never had', () => {
    const errors = errorsOf(parseCruxJson(JSON.stringify({ title: 't', nodes: [{ id: 'x' }], relations: [] })))
    expect(errors.map((e) => e.at)).toContain('nodes[0].kind')
  })

  test('duplicate ids are errors, naming both places', () => {
    expect(errorsOf(parseCruxJson(text('duplicate-ids.json')))).toEqual([
      { at: 'map.nodes[2].id', message: 'duplicate id "a" (first used at map.nodes[0].id)' },
      { at: 'map.relations[1].id', message: 'duplicate id "r" (first used at map.relations[0].id)' },
    ])
  })

  test.each([
    ['{"title": ', '$', /^not JSON/],
    ['[]', '$', /object/],
    ['{"format": "kialo", "schemaVersion": 1}', 'format', /must be "crux"/],
    ['{"format": "crux", "schemaVersion": "1"}', 'schemaVersion', /whole number/],
    ['{"format": "crux", "schemaVersion": 1}', 'map', /./],
  ])('envelope problem %s → error at %s', (input, at, message) => {
    const errors = errorsOf(parseCruxJson(input))
    expect(errors[0]!.at).toBe(at)
    expect(errors[0]!.message).toMatch(message)
  })
})
