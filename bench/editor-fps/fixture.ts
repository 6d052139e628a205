import type { ArgNode, ArgumentMap, NodeKind, Relation } from '@/core/graph'
import type { Db } from '@/server/db/client'
import { seededRandom } from '../lib/report'
import { kialoTree } from '../evaluate'

/**
 * The map the frame-rate bench opens: a Kialo-like discussion (the evaluate
 * bench's generator), with kinds and sentence-length texts like a real map,
 * a few cross-branch attacks, and grid positions (elk on 1,000 nodes would
 * cost the bench more than it measures).
 */
export function benchMap(n: number, seed = 7): ArgumentMap {
  const tree = kialoTree(n, seed)
  const rnd = seededRandom(seed + 1)
  const role = new Map<string, NodeKind>()
  for (const r of tree.relations)
    if (r.kind !== 'undercuts') role.set(r.source, r.kind === 'supports' ? 'argument' : 'objection')
  const columns = Math.ceil(Math.sqrt(n * 2))
  const nodes: ArgNode[] = tree.nodes.map((node, i) => {
    const kind: NodeKind = i === 0 ? 'claim' : rnd() < 0.08 ? 'evidence' : (role.get(node.id) ?? 'argument')
    return {
      ...node,
      kind,
      text: sentence(i, rnd),
      x: (i % columns) * 260,
      y: Math.floor(i / columns) * 140,
    }
  })
  // Cross-branch attacks, as debates grow them: about 3% of nodes, may close cycles.
  const extra: Relation[] = []
  for (let i = 0; i < Math.round(n * 0.03); i++) {
    const a = Math.floor(rnd() * n)
    const b = Math.floor(rnd() * n)
    if (a !== b) extra.push({ id: `x${i}`, kind: 'attacks', source: nodes[a]!.id, target: nodes[b]!.id })
  }
  return { title: `Frame-rate bench, ${n} nodes`, nodes, relations: [...tree.relations, ...extra], votes: tree.votes }
}

const WORDS = [
  'cities',
  'should',
  'fund',
  'buses',
  'because',
  'fares',
  'cover',
  'only',
  'a',
  'third',
  'of',
  'costs',
  'and',
  'traffic',
  'falls',
  'when',
  'transit',
  'is',
  'free',
  'evidence',
  'shows',
]

function sentence(i: number, rnd: () => number): string {
  const length = 6 + Math.floor(rnd() * 14)
  const words = Array.from({ length }, () => WORDS[Math.floor(rnd() * WORDS.length)]!)
  return `${i}: ${words.join(' ')}.`
}

/** Stores the map as a new map open to anyone as editor, like the seed maps, through the real services. */
export async function storeBenchMap(db: Db, map: ArgumentMap): Promise<string> {
  const { createAccess } = await import('@/server/auth/access')
  const { createMapService } = await import('@/server/maps')
  const { createPrismaStore } = await import('@/server/store/prismaStore')
  const { RoomRegistry } = await import('@/server/sync/RoomRegistry')
  const store = createPrismaStore(db)
  const access = createAccess(db, () => {})
  const rooms = new RoomRegistry(store, { delayMs: 0, compactAfter: 200, onError: console.error })
  const maps = createMapService(db, store, rooms, access)
  // No owner: like a seed map, it is reached through its public role alone.
  const meta = await maps.create({ title: map.title, content: map, publicRole: 'editor' })
  return meta.id
}
