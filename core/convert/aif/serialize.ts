import type { ArgNode, ArgumentMap, MapCredits, Relation } from '../../graph'
import {
  FORCE_SCHEME_IDS,
  SCHEMES,
  type AifDocument,
  type AifEdge,
  type AifNode,
  type CruxINodeExt,
  type CruxSNodeExt,
} from './types'

export interface SerializeAifOptions {
  /**
   * Written on every node and locution. `core` reads no clock, so callers pass
   * "now"; the default is a fixed epoch so output is reproducible.
   */
  timestamp?: Date | string
  /**
   * Who wrote what ([PA1]): each author becomes a participant (after the
   * speakers), and each I-node's `crux.createdBy` names its author's participantID.
   */
  credits?: MapCredits
}

export const DEFAULT_AIF_TIMESTAMP = '1970-01-01 00:00:00'

/**
 * A map as AIF: every node an I-node; a support an RA node between premise and
 * conclusion; an attack a CA node between attacker and target; an undercut a CA
 * node aimed at the RA node of the support it targets; a relation's scheme
 * name is the RA/CA scheme ("Default Inference" when it has none). [AF1] The
 * I-node text is always the node's text, the proposition. A node with a
 * speaker or a recorded force also gets an L-node with the words said (its
 * quote, else its text; `"Speaker : words"`, the AIFdb convention) anchored to
 * its I-node by a YA node with its force ("Asserting" when none is recorded),
 * plus a locution naming the participant.
 *
 * Ids are sequential numbers in id order, as OVA and AIFdb expect; the Crux
 * ids and fields ride along in `crux` so an import restores them exactly.
 */
export function serializeAif(map: ArgumentMap, options: SerializeAifOptions = {}): AifDocument {
  const timestamp = formatTimestamp(options.timestamp)
  const nodes: AifNode[] = []
  const edges: AifEdge[] = []
  let nextId = 1
  const allocate = () => String(nextId++)
  const link = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null })

  const sortedNodes = [...map.nodes].sort(byId)
  const aifIdOf = new Map<string, string>()
  for (const n of sortedNodes) {
    const nodeID = allocate()
    aifIdOf.set(n.id, nodeID)
    // [AF1] The I-node holds the proposition; the words someone said go to their locution.
    nodes.push({ nodeID, text: n.text, type: 'I', timestamp, crux: iNodeExt(n) })
  }

  // Supports first: an undercut needs the RA node of the support it targets.
  const relations = [...map.relations].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byId(a, b))
  const schemeNodeOf = new Map<string, string>()
  for (const r of relations) {
    const from = aifIdOf.get(r.source)
    const to = r.kind === 'undercuts' ? schemeNodeOf.get(r.target) : aifIdOf.get(r.target)
    // Serializers take valid maps; a dangling relation has no AIF form, so skip it.
    if (from === undefined || to === undefined) continue
    const nodeID = allocate()
    schemeNodeOf.set(r.id, nodeID)
    const fallback = r.kind === 'supports' ? SCHEMES.inference : SCHEMES.conflict
    const scheme = r.scheme ?? fallback.text
    const schemeID = r.schemeId ?? (r.scheme === undefined ? fallback.schemeID : undefined)
    const crux: CruxSNodeExt = { id: r.id, kind: r.kind }
    if (r.contradictory) crux.contradictory = true
    nodes.push({
      nodeID,
      text: scheme,
      type: r.kind === 'supports' ? 'RA' : 'CA',
      timestamp,
      scheme,
      ...(schemeID === undefined ? {} : { schemeID }),
      crux,
    })
    link(from, nodeID)
    link(nodeID, to)
  }

  const { locutions, participants } = speakerLocutions(sortedNodes, aifIdOf, {
    allocate,
    link,
    push: (n) => nodes.push(n),
    timestamp,
  })

  addAuthors(options.credits, participants, nodes)
  return {
    nodes,
    edges,
    locutions,
    participants,
    crux: { title: map.title, votes: map.votes },
  }
}

/** Authors as AIF participants, linked from the I-nodes they wrote. */
function addAuthors(
  credits: MapCredits | undefined,
  participants: AifDocument['participants'],
  nodes: AifNode[],
): void {
  if (!credits) return
  const idOf = new Map<string, string>()
  for (const person of credits.people) {
    const participantID = String(participants.length + 1)
    idOf.set(person.userId, participantID)
    participants.push({ participantID, ...splitName(person.name) })
  }
  for (const n of nodes) {
    const ext = n.type === 'I' ? (n.crux as CruxINodeExt | undefined) : undefined
    const author = ext && idOf.get(credits.records[ext.id]?.createdBy ?? '')
    if (ext && author) ext.createdBy = author
  }
}

const KIND_ORDER: Record<Relation['kind'], number> = { supports: 0, attacks: 1, undercuts: 2 }

function speakerLocutions(
  sortedNodes: ArgNode[],
  aifIdOf: Map<string, string>,
  out: {
    allocate: () => string
    link: (from: string, to: string) => void
    push: (n: AifNode) => void
    timestamp: string
  },
): Pick<AifDocument, 'locutions' | 'participants'> {
  const locutions: AifDocument['locutions'] = []
  const participants: AifDocument['participants'] = []
  const participantOf = new Map<string, string>()
  for (const n of sortedNodes) {
    const speaker = n.speaker?.trim() ? n.speaker : undefined
    // A node someone said (a speaker) or said with a recorded force gets its locution.
    if (speaker === undefined && n.force === undefined) continue
    let personID: string | undefined
    if (speaker !== undefined) {
      personID = participantOf.get(speaker)
      if (personID === undefined) {
        personID = String(participants.length + 1)
        participantOf.set(speaker, personID)
        participants.push({ participantID: personID, ...splitName(speaker) })
      }
    }
    const lID = out.allocate()
    const yaID = out.allocate()
    const words = n.quote ?? n.text
    out.push({
      nodeID: lID,
      text: speaker === undefined ? words : `${speaker} : ${words}`,
      type: 'L',
      timestamp: out.timestamp,
    })
    const force = n.force ?? SCHEMES.asserting.text
    const forceId = FORCE_SCHEME_IDS[force]
    out.push({
      nodeID: yaID,
      text: force,
      type: 'YA',
      timestamp: out.timestamp,
      scheme: force,
      ...(forceId === undefined ? {} : { schemeID: forceId }),
    })
    out.link(lID, yaID)
    out.link(yaID, aifIdOf.get(n.id)!)
    if (personID !== undefined)
      locutions.push({ nodeID: lID, personID, timestamp: out.timestamp, start: null, end: null, source: null })
  }
  return { locutions, participants }
}

function iNodeExt(n: ArgNode): CruxINodeExt {
  const ext: CruxINodeExt = { id: n.id, kind: n.kind, x: n.x, y: n.y }
  if (n.pinned) ext.pinned = true
  if (n.quote !== undefined) ext.quote = n.quote
  if (n.speaker !== undefined) ext.speaker = n.speaker
  if (n.source !== undefined) ext.source = n.source
  if (n.quoteStart !== undefined) ext.quoteStart = n.quoteStart
  if (n.quoteEnd !== undefined) ext.quoteEnd = n.quoteEnd
  if (n.analysis !== undefined) ext.analysis = n.analysis
  if (n.paraphrase !== undefined) ext.paraphrase = n.paraphrase
  if (n.title !== undefined) ext.title = n.title
  if (n.pcs !== undefined) ext.pcs = n.pcs
  if (n.force !== undefined) ext.force = n.force
  return ext
}

/** OVA asks for first name and surname; the first word is the best split we have. */
export function splitName(name: string): { firstname: string; surname: string } {
  const trimmed = name.trim()
  const space = trimmed.indexOf(' ')
  if (space < 0) return { firstname: trimmed, surname: '' }
  return { firstname: trimmed.slice(0, space), surname: trimmed.slice(space + 1).trim() }
}

/** AIFdb's `YYYY-MM-DD HH:mm:ss`, in UTC. */
function formatTimestamp(t: Date | string | undefined): string {
  if (t === undefined) return DEFAULT_AIF_TIMESTAMP
  if (typeof t === 'string') return t
  return t.toISOString().slice(0, 19).replace('T', ' ')
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
