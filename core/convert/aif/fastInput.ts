import { AIF_NODE_TYPES, type AifEdgeIn, type AifGraphIn, type AifNodeIn } from './types'

/**
 * [AF7] The common case read without zod: a file whose every node, edge,
 * locution and participant has the shape AifGraphInSchema accepts is read
 * here directly, in one pass and with no copies beyond the fields used, so
 * an import costs a few times `JSON.parse` (bench/interchange.ts). Anything
 * else returns undefined and goes through the schema, which names every
 * problem. Both readers accept exactly the same files.
 */
export function readAifGraphFast(raw: Record<string, unknown>): AifGraphIn | undefined {
  const { nodes, edges, locutions, participants } = raw
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return undefined
  const outNodes: AifNodeIn[] = new Array(nodes.length)
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as Record<string, unknown> | null
    if (typeof n !== 'object' || n === null || Array.isArray(n)) return undefined
    const nodeID = id(n.nodeID)
    const text = n.text
    const scheme = n.scheme
    const schemeID = n.schemeID
    if (nodeID === undefined || !TYPES.has(n.type as string)) return undefined
    if (text != null && typeof text !== 'string') return undefined
    if (scheme != null && typeof scheme !== 'string') return undefined
    if (schemeID != null && typeof schemeID !== 'string' && typeof schemeID !== 'number') return undefined
    // Only the fields the importer reads; the schema would keep the rest, which nothing uses.
    outNodes[i] = {
      nodeID,
      text: (text as string | null | undefined) ?? '',
      type: n.type as AifNodeIn['type'],
      scheme: scheme as string | null | undefined,
      schemeID: schemeID as string | number | null | undefined,
      crux: n.crux,
      timestamp: n.timestamp,
    }
  }
  const outEdges: AifEdgeIn[] = new Array(edges.length)
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i] as Record<string, unknown> | null
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return undefined
    const fromID = id(e.fromID)
    const toID = id(e.toID)
    if (fromID === undefined || toID === undefined) return undefined
    if (e.edgeID != null && id(e.edgeID) === undefined) return undefined
    outEdges[i] = { fromID, toID }
  }
  const outLocutions = list(locutions, (l) => {
    const nodeID = id(l.nodeID)
    if (nodeID === undefined) return undefined
    if (l.personID == null) return { nodeID, personID: l.personID as null | undefined }
    const personID = id(l.personID)
    return personID === undefined ? undefined : { nodeID, personID }
  })
  const outParticipants = list(participants, (p) => {
    const participantID = id(p.participantID)
    if (participantID === undefined) return undefined
    if (p.firstname != null && typeof p.firstname !== 'string') return undefined
    if (p.surname != null && typeof p.surname !== 'string') return undefined
    return {
      participantID,
      firstname: p.firstname as string | null | undefined,
      surname: p.surname as string | null | undefined,
    }
  })
  if (outLocutions === false || outParticipants === false) return undefined
  return {
    nodes: outNodes,
    edges: outEdges,
    locutions: outLocutions,
    participants: outParticipants,
    crux: raw.crux,
  } as AifGraphIn
}

const TYPES: ReadonlySet<string> = new Set(AIF_NODE_TYPES)

/** AifIdIn: a non-empty string or an integer, as a string. */
function id(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v
  if (typeof v === 'number' && Number.isInteger(v)) return String(v)
  return undefined
}

/** An optional array read item by item; false when any item does not fit. */
function list<T>(v: unknown, read: (item: Record<string, unknown>) => T | undefined): T[] | null | undefined | false {
  if (v === undefined || v === null) return v
  if (!Array.isArray(v)) return false
  const out: T[] = new Array(v.length)
  for (let i = 0; i < v.length; i++) {
    const item = v[i] as Record<string, unknown> | null
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return false
    const r = read(item)
    if (r === undefined) return false
    out[i] = r
  }
  return out
}
