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
import { asRecord, metaOf, nodesOf, recordOf, relationsOf, splitVoteKey, votesOf, type YRecord } from './shape'

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
  const y = recordOf(nodesOf(doc), id)
  if (!y) return undefined
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

type Parse<T> = (raw: unknown) => { success: true; data: T } | { success: false }

function readRecords<T extends { id: string }>(map: Y.Map<YRecord>, parse: Parse<T>): T[] {
  const out: T[] = []
  for (const [id, y] of map.entries()) {
    const record = parseRecord(id, y, parse)
    if (record) out.push(record)
  }
  return out.sort((a, b) => cmp(a.id, b.id))
}

function parseRecord<T>(id: string, value: unknown, parse: Parse<T>): T | undefined {
  const y = asRecord(value)
  if (!y) return undefined
  // The key is the id: a record claiming another id inside is not trusted.
  const parsed = parse({ ...y.toJSON(), id })
  return parsed.success ? parsed.data : undefined
}

/**
 * readGraph for a doc that is read again after every update (the editor):
 * records no transaction touched since the last read keep their parsed
 * object, so a remote vote on a 1,000-node map re-validates one vote, not
 * 2,000 records, and unchanged nodes keep their identity for the canvas.
 * The result equals readGraph(doc) at every read.
 */
export function createGraphReader(doc: Y.Doc): { read(): ArgumentMap; dispose(): void } {
  const nodes = recordCache(nodesOf(doc), (raw) => NodeSchema.safeParse(raw))
  const relations = recordCache(relationsOf(doc), (raw) => RelationSchema.safeParse(raw))
  let votes: Vote[] | null = null
  const votesMap = votesOf(doc)
  const onVotes = () => void (votes = null)
  votesMap.observe(onVotes)
  return {
    read() {
      const title = metaOf(doc).get('title')
      votes ??= readVotes(doc)
      return repair({
        title: typeof title === 'string' ? title : 'Untitled map',
        nodes: nodes.read(),
        relations: relations.read(),
        votes,
      })
    },
    dispose() {
      nodes.dispose()
      relations.dispose()
      votesMap.unobserve(onVotes)
    },
  }
}

/** The parsed records of one map of records, re-parsing only the ids a transaction touched. */
function recordCache<T extends { id: string }>(map: Y.Map<YRecord>, parse: Parse<T>) {
  const parsed = new Map<string, { y: unknown; record: T | undefined }>()
  let dirty = new Set<string>()
  let list: T[] | null = null
  const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const e of events) {
      // A change to the map itself adds, replaces or removes records; one below it edits one record.
      if (e.target === map) for (const key of e.changes.keys.keys()) dirty.add(key)
      else if (typeof e.path[0] === 'string') dirty.add(e.path[0])
    }
    list = null
  }
  map.observeDeep(onChange)
  return {
    read(): T[] {
      if (list) return list
      const out: T[] = []
      const seen = new Set<string>()
      for (const [id, y] of map.entries()) {
        seen.add(id)
        let hit = parsed.get(id)
        if (!hit || hit.y !== y || dirty.has(id)) {
          hit = { y, record: parseRecord(id, y, parse) }
          parsed.set(id, hit)
        }
        if (hit.record) out.push(hit.record)
      }
      for (const id of parsed.keys()) if (!seen.has(id)) parsed.delete(id)
      dirty = new Set()
      list = out.sort((a, b) => cmp(a.id, b.id))
      return list
    },
    dispose: () => map.unobserveDeep(onChange),
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
