import fc from 'fast-check'
import type { ArgNode, ArgumentMap, Relation, Vote } from '@/core/graph'

/** A node with only the fields evaluation reads mattering. */
export const node = (id: string, text = id): ArgNode => ({ id, kind: 'claim', text, x: 0, y: 0, pinned: false })

export const attack = (source: string, target: string, id = `${source}-x-${target}`): Relation => ({
  id,
  kind: 'attacks',
  source,
  target,
})
export const supports = (source: string, target: string, id = `${source}-s-${target}`): Relation => ({
  id,
  kind: 'supports',
  source,
  target,
})
export const undercut = (source: string, supportId: string, id = `${source}-u-${supportId}`): Relation => ({
  id,
  kind: 'undercuts',
  source,
  target: supportId,
})

export const mapOf = (nodes: string[], relations: Relation[], votes: Vote[] = []): ArgumentMap => ({
  title: 't',
  nodes: nodes.map((id) => node(id)),
  relations,
  votes,
})

export const USERS = ['ann', 'bob', 'cy', 'dee']
export const GROUPS = ['red', 'blue']

/**
 * Random small maps with all three relation kinds and votes. With `acyclic`,
 * every dependency (attacker, supporter, undercutter → target) runs from a
 * higher node index to a lower one, so the map has no cycles.
 */
export function arbMap(opts: { maxNodes?: number; acyclic?: boolean } = {}): fc.Arbitrary<ArgumentMap> {
  const maxNodes = opts.maxNodes ?? 9
  return fc.integer({ min: 1, max: maxNodes }).chain((n) => {
    const idx = fc.integer({ min: 0, max: n - 1 })
    const edge = fc.tuple(fc.constantFrom('attacks', 'supports', 'undercuts'), idx, idx, fc.nat())
    const vote = fc.record({
      node: idx,
      user: fc.integer({ min: 0, max: USERS.length - 1 }),
      value: fc.integer({ min: 0, max: 4 }),
      group: fc.integer({ min: 0, max: GROUPS.length - 1 }),
    })
    return fc
      .tuple(
        fc.array(edge, { maxLength: n * 3 }),
        fc.uniqueArray(vote, { maxLength: n * 3, selector: (v) => `${v.node}|${v.user}` }),
      )
      .map(([edges, votes]) => {
        const ids = Array.from({ length: n }, (_, i) => `n${i}`)
        const relations: Relation[] = []
        const supportsSoFar: { id: string; target: number }[] = []
        edges.forEach(([kind, a, b, pick], e) => {
          if (kind === 'undercuts') {
            const s = supportsSoFar[pick % Math.max(1, supportsSoFar.length)]
            if (!s || (opts.acyclic && a <= s.target)) return
            relations.push(undercut(ids[a]!, s.id, `r${e}`))
            return
          }
          let [src, tgt] = [a, b]
          if (src === tgt) return
          if (opts.acyclic && src < tgt) [src, tgt] = [tgt, src]
          relations.push({ id: `r${e}`, kind, source: ids[src]!, target: ids[tgt]! })
          if (kind === 'supports') supportsSoFar.push({ id: `r${e}`, target: tgt })
        })
        return {
          title: 'random',
          nodes: ids.map((id) => node(id)),
          relations,
          votes: votes.map((v) => ({
            nodeId: ids[v.node]!,
            userId: USERS[v.user]!,
            value: v.value,
            group: GROUPS[v.group]!,
          })),
        }
      })
  })
}

/** The same map with nodes, relations and votes in another order. */
export function arbShuffled(map: ArgumentMap): fc.Arbitrary<ArgumentMap> {
  const perm = <T>(xs: T[]) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })
  return fc
    .tuple(perm(map.nodes), perm(map.relations), perm(map.votes))
    .map(([nodes, relations, votes]) => ({ ...map, nodes, relations, votes }))
}
