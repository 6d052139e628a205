import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadSeedIndex, loadSeedMaps, loadSource, parseSeedFile, type SeedMap, type SourceMeta } from '@/content'
import { parseArgdown } from '@/core/convert/argdown'
import { evaluate } from '@/core/evaluate'
import { problems, type ArgumentMap } from '@/core/graph'
import { mainClaim } from '@/core/layout'

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
    for (const name of [
      'Alexander Lukashenko',
      'Stanislau Ivashkevich',
      'June 2014 survey',
      'Andrei Sannikov',
      'Kurt Volker',
    ]) {
      expect(names).toContain(name)
    }
    expect(new Set(source.meta.speakers.map((s) => s.id)).size).toBe(source.meta.speakers.length)
  })
})

describe('the seed maps', () => {
  test('[SM1] every Argdown file parses with no errors and no warnings beyond headings and linked premises ([AD9] notes)', async () => {
    const index = await loadSeedIndex()
    for (const file of [index.shared, ...index.maps.map((m) => m.file)]) {
      const result = parseArgdown(readFileSync(path.join(root, 'content/maps', file), 'utf8'))
      expect(result.ok ? result.warnings.filter((w) => w.note === undefined) : result.errors, file).toEqual([])
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
      expect(
        map.relations.filter((r) => r.source === thesis),
        key,
      ).toEqual([])
      expect(
        map.relations.some((r) => r.target === thesis && r.kind === 'supports'),
        key,
      ).toBe(true)
      expect(
        map.relations.some((r) => r.target === thesis && r.kind === 'attacks'),
        key,
      ).toBe(true)
      // The editor opens a large map on its main claim (core/layout initialView): that is the thesis.
      const byId = new Map(map.relations.map((r) => [r.id, r]))
      const links = map.relations.map((r) =>
        r.kind === 'undercuts' ? { source: r.source, target: byId.get(r.target)!.target } : r,
      )
      expect(
        mainClaim(
          map.nodes.map((n) => n.id),
          links,
        ),
        key,
      ).toBe(thesis)
    }
  })

  test('[SM3] [SC1] every quote is the exact source text at its recorded offsets', () => {
    let checked = 0
    for (const { key, map } of seeds) {
      expect(map.nodes.filter((n) => n.kind === 'evidence').length, key).toBeGreaterThanOrEqual(5)
      for (const n of map.nodes.filter((n) => n.kind === 'evidence' || n.quote !== undefined)) {
        expect(n.source, n.id).toBe(source.meta.id)
        expect(n.quote, n.id).toBeTruthy()
        expect(n.quoteStart, n.id).toBeTypeOf('number')
        expect(source.text.slice(n.quoteStart, n.quoteEnd), n.id).toBe(n.quote)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  test('[SM4] [SC1]-[SC3] every node is exactly one of: a quote or a marked paraphrase of a listed speaker, or a marked reconstruction', () => {
    const speakers = new Set(source.meta.speakers.map((s) => s.name))
    for (const { map } of seeds) {
      for (const n of map.nodes) {
        const what = `${n.id}: speaker "${n.speaker}", quote ${n.quote !== undefined}, paraphrase ${n.paraphrase}, analysis ${n.analysis}`
        const quote = n.speaker !== undefined && n.quote !== undefined && n.paraphrase !== true && n.analysis !== true
        const paraphrase =
          n.speaker !== undefined && n.quote === undefined && n.paraphrase === true && n.analysis !== true
        const reconstruction =
          n.speaker === undefined && n.quote === undefined && n.paraphrase !== true && n.analysis === true
        expect([quote, paraphrase, reconstruction].filter(Boolean), what).toHaveLength(1)
        if (n.speaker !== undefined) expect(speakers.has(n.speaker), what).toBe(true)
        if (n.kind === 'evidence' || n.kind === 'question')
          expect(n.kind === 'evidence' ? quote : reconstruction, what).toBe(true)
      }
    }
  })

  test('[SC4] a node that attacks or undercuts is an objection, evidence only supports, and no evidence restates the quote it supports', () => {
    for (const { key, map } of seeds) {
      const byId = new Map(map.nodes.map((n) => [n.id, n]))
      for (const r of map.relations) {
        const from = byId.get(r.source)!
        if (r.kind !== 'supports') expect(from.kind, `${key}: ${r.source} ${r.kind} ${r.target}`).toBe('objection')
        if (from.kind === 'evidence') expect(r.kind, `${key}: ${r.source}`).toBe('supports')
        const to = byId.get(r.target)
        if (r.kind === 'supports' && from.kind === 'evidence' && to?.quoteStart !== undefined) {
          const overlap = from.quoteStart! < to.quoteEnd! && to.quoteStart < from.quoteEnd!
          expect(overlap, `${key}: ${from.id} quotes the words of ${to.id}, which it supports`).toBe(false)
        }
      }
    }
  })

  test('[SC5] each map has at least three questions, marked as reconstructions, that only gather what bears on them', () => {
    for (const { key, map } of seeds) {
      const questions = map.nodes.filter((n) => n.kind === 'question')
      expect(questions.length, key).toBeGreaterThanOrEqual(3)
      for (const q of questions) {
        expect(q.analysis, q.id).toBe(true)
        expect(
          map.relations.filter((r) => r.source === q.id),
          `${q.id} points at something`,
        ).toEqual([])
        expect(
          map.relations.filter((r) => r.target === q.id && r.kind === 'supports').length,
          `${q.id} gathers nothing`,
        ).toBeGreaterThan(0)
      }
    }
  })

  test('[SO1] each thesis evaluates to the outcome content/README.md states for it', () => {
    const table = readmeOutcomes()
    expect([...table.keys()].sort()).toEqual(seeds.map((s) => s.key).sort())
    for (const { key, thesis, map } of seeds) {
      const stated = table.get(key)!
      expect(stated.thesis, key).toBe(thesis)
      expect(evaluate(map).nodes.get(thesis)?.label, key).toBe(stated.label)
    }
  })

  test('[SM5] a node used in two maps is defined once and resolves to one id with one content', async () => {
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
      expect(
        map.nodes.filter((n) => !touched.has(n.id)).map((n) => n.id),
        key,
      ).toEqual([])
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

/** The outcomes table of content/README.md: | `key` | `thesis` | LABEL | why |. */
function readmeOutcomes(): Map<string, { thesis: string; label: string }> {
  const readme = readFileSync(path.join(root, 'content/README.md'), 'utf8')
  const out = new Map<string, { thesis: string; label: string }>()
  for (const m of readme.matchAll(/^\| `([a-z0-9-]+)` \| `([A-Za-z0-9_-]+)` \| (IN|OUT|UNDEC) \|/gm))
    out.set(m[1]!, { thesis: m[2]!, label: m[3]! })
  return out
}

function relationSet(map: ArgumentMap): string[] {
  const byId = new Map(map.relations.map((r) => [r.id, r]))
  return map.relations
    .map((r) =>
      r.kind === 'undercuts'
        ? `${r.source} _> ${byId.get(r.target)?.source}->${byId.get(r.target)?.target}`
        : `${r.source} ${r.kind} ${r.target}`,
    )
    .sort()
}
