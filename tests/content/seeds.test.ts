import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadSeedIndex, loadSeedMaps, loadSource, parseSeedFile, type SeedMap, type SourceMeta } from '@/content'
import { parseArgdown } from '@/core/convert/argdown'
import { problems, type ArgumentMap } from '@/core/graph'

const root = path.resolve(import.meta.dirname, '../..')
let seeds: SeedMap[]
let source: { meta: SourceMeta; text: string }

beforeAll(async () => {
  seeds = await loadSeedMaps()
  source = await loadSource('belarus-nato')
})

describe('the source document', () => {
  test('[SD1] is the article byte for byte (size and SHA-256 recorded from the shared original)', () => {
    const bytes = readFileSync(path.join(root, 'content/sources/belarus-nato.txt'))
    expect(bytes.length).toBe(source.meta.bytes)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(source.meta.sha256)
    expect(source.text).toBe(bytes.toString('utf8'))
    // The typography quotes must match: curly quotes and the doubled closing quote.
    expect(source.text).toContain('“Tanks and planes')
    expect(source.text.endsWith('out of the question.""\n')).toBe(true)
  })

  test('[SD2] metadata names the title, publisher and every speaker in the sources README', () => {
    expect(source.meta).toMatchObject({ id: 'belarus-nato', title: 'Belarus - NATO', publisher: 'GlobalSecurity.org' })
    const names = source.meta.speakers.map((s) => s.name)
    for (const name of ['Alexander Lukashenko', 'Stanislau Ivashkevich', 'June 2014 survey', 'Andrei Sannikov', 'Kurt Volker']) {
      expect(names).toContain(name)
    }
    expect(new Set(source.meta.speakers.map((s) => s.id)).size).toBe(source.meta.speakers.length)
  })
})

describe('the seed maps', () => {
  test('[SM1] every Argdown file parses with no errors and no warnings', async () => {
    const index = await loadSeedIndex()
    for (const file of [index.shared, ...index.maps.map((m) => m.file)]) {
      const result = parseArgdown(readFileSync(path.join(root, 'content/maps', file), 'utf8'))
      expect(result.ok ? result.warnings : result.errors, file).toEqual([])
    }
    expect(seeds.map((s) => s.key)).toEqual(['no-grey-zones', 'buffer-strategy', 'cost-of-neutrality'])
  })

  test('[SM2] each map has a main thesis claim, at least 12 nodes, supports, attacks and an undercut', async () => {
    for (const { key, title, thesis, map } of seeds) {
      const file = await parseSeedFile(`${key}.argdown`)
      expect(file.title, key).toBe(title)
      expect(map.nodes.length, key).toBeGreaterThanOrEqual(12)
      const kinds = map.relations.map((r) => r.kind)
      for (const kind of ['supports', 'attacks', 'undercuts'] as const) expect(kinds, `${key} ${kind}`).toContain(kind)
      const main = map.nodes.find((n) => n.id === thesis)
      expect(main?.kind, key).toBe('claim')
      // The thesis is the root: it is argued for and against and argues for nothing itself.
      expect(map.relations.filter((r) => r.source === thesis), key).toEqual([])
      expect(map.relations.some((r) => r.target === thesis && r.kind === 'supports'), key).toBe(true)
      expect(map.relations.some((r) => r.target === thesis && r.kind === 'attacks'), key).toBe(true)
    }
  })

  test('[SM3] every evidence quote is the exact source text at its recorded offsets', () => {
    let checked = 0
    for (const { key, map } of seeds) {
      const evidence = map.nodes.filter((n) => n.kind === 'evidence')
      expect(evidence.length, key).toBeGreaterThanOrEqual(5)
      for (const n of evidence) {
        expect(n.source, n.id).toBe(source.meta.id)
        expect(n.quote, n.id).toBeTruthy()
        expect(source.text.slice(n.quoteStart, n.quoteEnd), n.id).toBe(n.quote)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(0)
  })

  test('[SM4] every node names a speaker from the source metadata, or is marked as analysis', () => {
    const speakers = new Set(source.meta.speakers.map((s) => s.name))
    for (const { map } of seeds) {
      for (const n of map.nodes) {
        const attributed = n.speaker !== undefined && speakers.has(n.speaker)
        expect(attributed !== (n.analysis === true), `${n.id}: speaker "${n.speaker}", analysis ${n.analysis}`).toBe(true)
        if (n.kind === 'evidence') expect(attributed, n.id).toBe(true)
      }
    }
  })

  test('[SM5] a claim used in two maps is defined once and resolves to one id with one content', async () => {
    const shared = await parseSeedFile((await loadSeedIndex()).shared)
    expect(shared.nodes.length).toBeGreaterThan(0)
    for (const claim of shared.nodes) {
      const users = seeds.filter((s) => s.map.nodes.some((n) => n.id === claim.id))
      expect(users.length, claim.id).toBeGreaterThanOrEqual(2)
      for (const { key, map } of users) {
        const { x: _x, y: _y, pinned: _p, ...content } = map.nodes.find((n) => n.id === claim.id)!
        const { x: _sx, y: _sy, pinned: _sp, ...definition } = claim
        expect(content, `${claim.id} in ${key}`).toEqual(definition)
        // The map file only names the claim; its text lives in shared.argdown.
        const own = (await parseSeedFile(`${key}.argdown`)).nodes.find((n) => n.id === claim.id)!
        expect(own.text, `${claim.id} defined again in ${key}`).toBe('')
      }
    }
  })

  test('[SM6] every map satisfies the graph invariants and has no isolated node', () => {
    for (const { key, map } of seeds) {
      expect(problems(map), key).toEqual([])
      const touched = new Set(map.relations.flatMap((r) => [r.source, r.target]))
      expect(map.nodes.filter((n) => !touched.has(n.id)).map((n) => n.id), key).toEqual([])
    }
  })

  test('[SM7] seed maps survive export to Argdown and back', async () => {
    const { serializeArgdown } = await import('@/core/convert/argdown')
    for (const { key, map } of seeds) {
      const back = parseArgdown(serializeArgdown(map))
      if (!back.ok) throw new Error(`${key}: ${JSON.stringify(back.errors)}`)
      expect(back.map.nodes, key).toEqual(map.nodes)
      expect(relationSet(back.map), key).toEqual(relationSet(map))
    }
  })
})

function relationSet(map: ArgumentMap): string[] {
  const byId = new Map(map.relations.map((r) => [r.id, r]))
  return map.relations
    .map((r) => (r.kind === 'undercuts' ? `${r.source} _> ${byId.get(r.target)?.source}->${byId.get(r.target)?.target}` : `${r.source} ${r.kind} ${r.target}`))
    .sort()
}
