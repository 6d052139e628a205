import { colorFor } from '@/core/presence/colors'
import type { ArgumentMap, Contributor } from '@/core/graph'
import { changeRefusal, phaseRefusal, type Actor, type PhaseSubject } from '@/core/permissions'
import type { Authorship } from '@/core/ydoc'
import type { MapSession } from '../hooks/mapSession'
import type { NodeAuthor } from '../flow/toFlow'

/** What the editor may do to existing records, decided as the server will ([PA5], [PA7]). */
export type EditPolicy = {
  /** Why this person may not change or delete this node or relation; null when they may. */
  refusal(id: string): string | null
  /** Other people's relations and votes hanging on these nodes, with their names ([PA12]). */
  othersWork(nodeIds: readonly string[]): { count: number; names: string[] }
  /** [PP2] Why the map's current phase refuses writing this; null when it allows it. */
  phase(subject: PhaseSubject): string | null
}

export const OPEN_POLICY: EditPolicy = {
  refusal: () => null,
  othersWork: () => ({ count: 0, names: [] }),
  phase: () => null,
}

export function editPolicy(
  session: MapSession | null,
  graph: ArgumentMap,
  byRecord: ReadonlyMap<string, Authorship>,
  people: ReadonlyMap<string, Contributor>,
  writtenHere: ReadonlySet<string> = new Set(),
): EditPolicy {
  if (!session) return OPEN_POLICY
  const actor: Actor = { userId: session.user.id, owner: session.role === 'owner', ownWork: session.ownWork === true }
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]))
  const relations = new Map(graph.relations.map((r) => [r.id, r]))
  // A record this replica wrote is this person's even before the server's binding comes back.
  const authorOf = (id: string) =>
    byRecord.get(id)?.createdBy?.userId ?? (writtenHere.has(id) ? actor.userId : undefined)
  const phase = (subject: PhaseSubject) => phaseRefusal(session.phase, subject, actor.owner)
  return {
    phase,
    refusal(id) {
      const node = nodes.get(id)
      if (node)
        return (
          changeRefusal(actor, { kind: 'node', locked: node.locked === true, author: authorOf(id) }) ??
          phase({ what: 'node', kind: node.kind })
        )
      const relation = relations.get(id)
      if (relation)
        return (
          changeRefusal(actor, { kind: 'relation', locked: false, author: authorOf(id) }) ??
          phase({ what: 'relation', kind: relation.kind })
        )
      return null
    },
    othersWork(nodeIds) {
      const gone = new Set(nodeIds)
      const who = new Set<string>()
      let count = 0
      for (const r of graph.relations) {
        const author = authorOf(r.id)
        // Content nobody is bound to (seeded, imported) is the map's, not another person's work.
        if ((gone.has(r.source) || gone.has(r.target)) && author && author !== actor.userId) {
          count++
          who.add(author)
        }
      }
      for (const v of graph.votes) {
        if (gone.has(v.nodeId) && v.userId !== actor.userId) {
          count++
          who.add(v.userId)
        }
      }
      return { count, names: [...who].map((u) => people.get(u)?.name ?? 'someone') }
    },
  }
}

/** Node id -> its author as the canvas shows it: name, and the team's colour (else the person's). */
export function nodeAuthors(graph: ArgumentMap, byRecord: ReadonlyMap<string, Authorship>): Map<string, NodeAuthor> {
  const out = new Map<string, NodeAuthor>()
  for (const n of graph.nodes) {
    const by = byRecord.get(n.id)?.createdBy
    if (!by) continue
    out.set(n.id, {
      name: by.name,
      color: by.group ? colorFor(by.group) : by.color,
      ...(by.group ? { team: by.group } : {}),
    })
  }
  return out
}

/** "Say it plainly": the server's reason as a sentence for the person. */
export function explainRefusal(reason: string): string {
  if (reason.includes('during '))
    return `Not in this phase: ${reason}. The teacher moves the debate from phase to phase.`
  if (reason.includes('locked')) return 'This node is locked: only the map’s owners can change, move or delete it.'
  if (reason.includes("someone else's"))
    return 'That is someone else’s work: on this map you change and delete only your own nodes and relations (you can still connect to them and vote).'
  return `The server refused that change (${reason}).`
}
