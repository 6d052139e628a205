import fc from 'fast-check'
import { NODE_KINDS, repair, type ArgNode, type ArgumentMap, type Relation } from '@/core/graph'

/** Ids that pass IdSchema, including ones that look like AIF numbers. */
const arbId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), fc.integer({ min: 0, max: 999 }).map(String))

/** Text that stresses escaping: Markdown specials, quotes, newlines, unicode. */
export const arbText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '*bold* _x_ [l](u) <b>&amp;',
    '1. not a list',
    '# heading',
    '> quote\nnext',
    'a\\b`c`',
    'ünï “q” 🙂',
  ),
)

const arbNode = (id: string): fc.Arbitrary<ArgNode> =>
  fc
    .record({
      kind: fc.constantFrom(...NODE_KINDS),
      text: arbText,
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      pinned: fc.boolean(),
      evidence: fc.option(
        fc.record({
          quote: arbText,
          speaker: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
          source: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      analysis: fc.option(fc.boolean(), { nil: undefined }),
      paraphrase: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ evidence, analysis, paraphrase, ...rest }) => {
      const n: ArgNode = { id, ...rest }
      if (evidence) {
        n.quote = evidence.quote
        if (evidence.speaker !== undefined) n.speaker = evidence.speaker
        if (evidence.source !== undefined) n.source = evidence.source
      }
      if (analysis !== undefined) n.analysis = analysis
      if (paraphrase !== undefined) n.paraphrase = paraphrase
      return n
    })

/**
 * Random valid maps: random ids, kinds, evidence and all three relation
 * kinds with random ends (cycles, DAGs, undercuts of undercut targets), made
 * valid the way a real reader does it, with `repair()`.
 */
export function arbValidMap(maxNodes = 12): fc.Arbitrary<ArgumentMap> {
  return fc
    .uniqueArray(arbId, { minLength: 0, maxLength: maxNodes })
    .chain((ids) => {
      const n = Math.max(ids.length, 1)
      const rel = fc.record({
        kind: fc.constantFrom('supports', 'attacks', 'undercuts' as const),
        source: fc.nat({ max: n - 1 }),
        target: fc.nat({ max: 3 * n }),
      })
      return fc.tuple(
        fc.constant(ids),
        fc.tuple(...ids.map(arbNode)),
        fc.array(rel, { maxLength: ids.length * 2 }),
        fc.string({ maxLength: 30 }),
      )
    })
    .map(([ids, nodes, rels, title]) => {
      const relations: Relation[] = []
      rels.forEach((r, i) => {
        const id = `rel${i}`
        const supports = relations.filter((x) => x.kind === 'supports')
        const target =
          r.kind === 'undercuts'
            ? supports[r.target % Math.max(supports.length, 1)]?.id
            : ids[r.target % Math.max(ids.length, 1)]
        const source = ids[r.source]
        if (source !== undefined && target !== undefined) relations.push({ id, kind: r.kind, source, target })
      })
      return repair({ title, nodes, relations, votes: [] })
    })
}
