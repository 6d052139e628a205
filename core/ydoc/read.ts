import type * as Y from 'yjs'
import {
  NodeSchema,
  RelationSchema,
  VoteSchema,
  repair,
  type ArgNode,
  type ArgumentMap,
  type Relation,
  type Vote,
} from '../graph'
import { metaOf, nodesOf, relationsOf, splitVoteKey, votesOf, type YRecord } from './shape'

/**
 * The map a doc holds, sorted by id and repaired. Merged state is untrusted:
 * entries that fail their schema are skipped, dangling relations dropped.
 */
export function readGraph(doc: Y.Doc): ArgumentMap {
  const title = metaOf(doc).get('title')
  return repair({
    title: typeof title === 'string' ? title : 'Untitled map',
    nodes: readNodes(doc),
    relations: readRelations(doc),
    votes: readVotes(doc),
  })
}

export function readNodes(doc: Y.Doc): ArgNode[] {
  return readRecords(nodesOf(doc), (raw) => NodeSchema.safeParse(raw))
}

export function readRelations(doc: Y.Doc): Relation[] {
  return readRecords(relationsOf(doc), (raw) => RelationSchema.safeParse(raw))
}

export function readNode(doc: Y.Doc, id: string): ArgNode | undefined {
  const y = nodesOf(doc).get(id)
  if (!isRecord(y)) return undefined
  const parsed = NodeSchema.safeParse({ ...y.toJSON(), id })
  return parsed.success ? parsed.data : undefined
}

export function readVotes(doc: Y.Doc): Vote[] {
  const out: Vote[] = []
  for (const [key, raw] of votesOf(doc).entries()) {
    const ids = splitVoteKey(key)
    if (!ids || typeof raw !== 'object' || raw === null) continue
    const parsed = VoteSchema.safeParse({ ...raw, ...ids })
    if (parsed.success) out.push(parsed.data)
  }
  return out.sort((a, b) => cmp(a.nodeId, b.nodeId) || cmp(a.userId, b.userId))
}

function readRecords<T extends { id: string }>(
  map: Y.Map<YRecord>,
  parse: (raw: unknown) => { success: true; data: T } | { success: false },
): T[] {
  const out: T[] = []
  for (const [id, y] of map.entries()) {
    if (!isRecord(y)) continue
    // The key is the id: a record claiming another id inside is not trusted.
    const parsed = parse({ ...y.toJSON(), id })
    if (parsed.success) out.push(parsed.data)
  }
  return out.sort((a, b) => cmp(a.id, b.id))
}

function isRecord(y: unknown): y is YRecord {
  return typeof y === 'object' && y !== null && typeof (y as YRecord).toJSON === 'function'
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
