import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseAif, serializeAif, serializeOva3 } from '@/core/convert/aif'
import { problems } from '@/core/graph'
import { expectedCounts, rawAif, rawLayout, type RawAif } from './aifCounts'

/**
 * Real AIFdb, OVA3 and xAIF files (tests/fixtures/SOURCES.md). What each file
 * holds is counted here from the raw JSON by code that shares nothing with
 * the importer: its own adjacency, its own reading of RA/CA/MA nodes.
 */
const dir = path.join(import.meta.dirname, '../../fixtures/aif/corpus')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()

describe('the AIF corpus, counted from the raw files', () => {
  test.each(files)('[AF2] %s: every proposition, relation, speaker and force is imported', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const want = expectedCounts(rawAif(text))
    const result = parseAif(text)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const map = result.map
    expect(problems(map)).toEqual([])
    expect(map.nodes.map((n) => n.text).sort()).toEqual(want.propositions)
    const count = (kind: string) => map.relations.filter((r) => r.kind === kind).length
    expect({ supports: count('supports'), attacks: count('attacks'), undercuts: count('undercuts') }).toEqual({
      supports: want.supports,
      attacks: want.attacks,
      undercuts: want.undercuts,
    })
    expect(map.nodes.filter((n) => n.quote !== undefined).length).toBe(want.said)
    expect(map.nodes.flatMap((n) => (n.force ? [n.force] : [])).sort()).toEqual(want.forces)
  })

  test.each(files)(
    '[AF1] %s: AIF → Crux → AIF changes no proposition and keeps every force and scheme name',
    (file) => {
      const text = readFileSync(path.join(dir, file), 'utf8')
      const want = expectedCounts(rawAif(text))
      const imported = parseAif(text)
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
      for (const exported of [serializeAif(imported.map), serializeOva3(imported.map).AIF]) {
        const got = expectedCounts(JSON.parse(JSON.stringify(exported)) as RawAif)
        expect(got.propositions).toEqual(want.propositions)
        expect(got.forces).toEqual(want.forces)
        // Default schemes are written by name ("Default Inference"); every named scheme is there as it was.
        const named = (xs: string[]) => [
          ...new Set(xs.filter((x) => x !== 'Default Inference' && x !== 'Default Conflict')),
        ]
        expect(named(got.schemes)).toEqual(named(want.schemes))
        expect([got.supports, got.attacks, got.undercuts]).toEqual([want.supports, want.attacks, want.undercuts])
      }
    },
  )

  test.each(files)("[AF4][AF6] %s: the analyst's OVA layout is kept on import and written back on export", (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const want = rawLayout(text)
    const imported = parseAif(text)
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
    const placed = imported.map.nodes.filter((n) => n.pinned)
    expect(placed.map((n) => `${n.text} @ ${n.x},${n.y}`).sort()).toEqual(want)
    // Every I-node a file with a layout places is pinned; a file without one pins nothing.
    expect(placed.length).toBe(want.length === 0 ? 0 : imported.map.nodes.length)
    // OVA3 reads only its layout block: each I-node's entry there is where the analyst put it.
    const ova = serializeOva3(imported.map)
    const textOf = new Map(ova.AIF.nodes.filter((n) => n.type === 'I').map((n) => [n.nodeID, n.text]))
    const written = ova.OVA.nodes
      .filter((n) => textOf.has(n.nodeID))
      .map((n) => `${textOf.get(n.nodeID)} @ ${n.x},${n.y}`)
    if (want.length > 0) expect(written.sort()).toEqual(want)
  })

  test.each(files)('[AF1] %s: Crux → AIF → Crux and Crux → OVA3 → Crux give back the imported map exactly', (file) => {
    const imported = parseAif(readFileSync(path.join(dir, file), 'utf8'))
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
    for (const exported of [serializeAif(imported.map), serializeOva3(imported.map)]) {
      const back = parseAif(JSON.stringify(exported))
      if (!back.ok) throw new Error(JSON.stringify(back.errors))
      expect(back.warnings).toEqual([])
      expect(back.map).toEqual(imported.map)
    }
  })

  test.each(files)('[AF6] %s: the OVA3 save export places every I-node where the map has it', (file) => {
    const imported = parseAif(readFileSync(path.join(dir, file), 'utf8'))
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
    const ova = serializeOva3(imported.map)
    const back = parseAif(JSON.stringify(ova))
    if (!back.ok) throw new Error(JSON.stringify(back.errors))
    expect(back.warnings.filter((w) => /OVA position|OVA layout/.test(w.message))).toEqual([])
    for (const n of imported.map.nodes) {
      const again = back.map.nodes.find((m) => m.id === n.id)!
      expect([again.x, again.y], n.id).toEqual([n.x, n.y])
    }
    // OVA3 ignores our `crux` properties: the layout block alone places every I-node.
    const plain = { ...ova, AIF: { ...ova.AIF, crux: undefined, nodes: ova.AIF.nodes.map(({ crux: _c, ...n }) => n) } }
    const fromLayout = parseAif(JSON.stringify(plain))
    if (!fromLayout.ok) throw new Error(JSON.stringify(fromLayout.errors))
    const iNode = new Map(ova.AIF.nodes.map((n) => [n.nodeID, n.crux?.id]))
    for (const n of fromLayout.map.nodes) {
      const original = imported.map.nodes.find((m) => m.id === iNode.get(n.id))!
      expect([n.x, n.y, n.pinned], n.id).toEqual([Math.round(original.x), Math.round(original.y), true])
    }
  })
})
