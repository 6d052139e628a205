import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseAif, serializeAif } from '@/core/convert/aif'
import type { ArgumentMap } from '@/core/graph'
import { arbValidMap } from './arbitraries'

const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
const canonical = (m: ArgumentMap) => ({ ...m, nodes: sortById(m.nodes), relations: sortById(m.relations) })

test('graph → AIF → graph keeps everything, ids included (crux properties present)', () => {
  fc.assert(
    fc.property(arbValidMap(), (map) => {
      const back = parseAif(JSON.stringify(serializeAif(map)))
      expect(back.ok && back.warnings).toEqual([])
      if (back.ok) expect(canonical(back.map)).toEqual(canonical(map))
    }),
    { numRuns: 200 },
  )
})

/**
 * A tool that ignores our `crux` properties (AIFdb, OVA) still gets the
 * structure: via the documented mapping (AIF nodeID becomes the Crux id) the
 * nodes, texts and every relation come back; kinds fall back to `claim`.
 */
test('graph → AIF without crux properties → graph keeps nodes, texts and relations', () => {
  fc.assert(
    fc.property(arbValidMap(), (map) => {
      const aif = serializeAif(map)
      const cruxOf = new Map(aif.nodes.map((n) => [n.nodeID, n.crux?.id]))
      const stripped = { ...aif, crux: undefined, nodes: aif.nodes.map(({ crux: _c, ...n }) => n) }
      const back = parseAif(stripped)
      if (!back.ok) throw new Error(JSON.stringify(back.errors))
      const toCrux = (id: string) => cruxOf.get(id)!

      expect(back.map.nodes.map((n) => toCrux(n.id)).sort()).toEqual(map.nodes.map((n) => n.id).sort())
      for (const n of back.map.nodes) {
        const original = map.nodes.find((o) => o.id === toCrux(n.id))!
        expect(n.kind).toBe('claim')
        // [AF1] The I-node text is the proposition, whatever was quoted.
        expect(n.text).toBe(original.text)
        // OVA splits a name into first name and surname at the first space (splitName), so the
        // gap after the first word comes back as one space; the rest of the name is kept as is.
        if (original.speaker?.trim()) expect(n.speaker).toBe(original.speaker.trim().replace(/ +/, ' '))
      }
      const triple = (kind: string, source: string, target: string) => `${source} ${kind} ${target}`
      expect(back.map.relations.map((r) => triple(r.kind, toCrux(r.source), toCrux(r.target))).sort()).toEqual(
        map.relations.map((r) => triple(r.kind, r.source, r.target)).sort(),
      )
    }),
    { numRuns: 200 },
  )
})
