import { NODE_KINDS, RELATION_KINDS, type NodeKind, type RelationKind } from '../graph/schema'
import { samePhaseName, type Phase, type PhaseSet } from './phaseSet'
import type { Touch } from '../ydoc/touches'

/**
 * [PP1]–[PP4] Phases of a classroom debate: what people other than the
 * teacher may write while a map is in a phase. Pure: the server judges every
 * update with `phaseRefusalOf` (core/permissions/contributions.ts), the
 * editor asks `phaseRefusal` before writing, so an honest student is told
 * before the server has to refuse. The sets themselves are in phaseSet.ts.
 */

/** What one write is about: a node or relation of a kind (null: unreadable), or a vote. */
export type PhaseSubject =
  { what: 'node'; kind: NodeKind | null } | { what: 'relation'; kind: RelationKind | null } | { what: 'vote' }

/** [PP2] Whether this phase lets this person write this; null when it does, else why not. */
export function phaseRefusal(phase: Phase | null | undefined, subject: PhaseSubject, owner: boolean): string | null {
  if (!phase || (owner && !phase.ownersToo)) return null
  const during = `during ${phase.name}`
  switch (subject.what) {
    case 'vote':
      return phase.votes ? null : `no voting ${during}`
    case 'node':
      if (subject.kind && (phase.nodes as readonly string[]).includes(subject.kind)) return null
      return `${subject.kind ? `no ${subject.kind} nodes` : 'no nodes of this kind'} ${during}`
    case 'relation':
      if (subject.kind && (phase.relations as readonly string[]).includes(subject.kind)) return null
      return `${subject.kind ? `no "${subject.kind}" relations` : 'no relations of this kind'} ${during}`
  }
}

/** [PP2] What this phase lets people do, in words, for the banner everyone sees ([PP5]). */
export function describePhase(phase: Phase): string {
  const parts: string[] = []
  if (phase.nodes.length > 0) parts.push(phase.nodes.map(plural).join(', '))
  if (phase.relations.length > 0) parts.push(`${phase.relations.join(' / ')} links`)
  if (phase.votes) parts.push('votes')
  if (parts.length > 0) return `Students may add and change: ${parts.join('; ')}.`
  return phase.ownersToo ? 'Read only for everyone.' : 'Only the teacher edits.'
}

const plural = (kind: string) => (kind === 'evidence' ? 'evidence' : `${kind}s`)

const asKind = <K extends string>(kinds: readonly K[], value: unknown): K | null =>
  typeof value === 'string' && (kinds as readonly string[]).includes(value) ? (value as K) : null

/**
 * [PP4] Every record an update writes, with its kind: the kind it holds
 * before the update and any kind the update writes into it. Both must be
 * allowed, so a claim cannot be turned into an objection during Rebut.
 */
export function phaseSubjects(touches: readonly Touch[]): PhaseSubject[] {
  const kinds = new Map<string, { root: 'nodes' | 'relations'; kinds: Set<string | null> }>()
  const out: PhaseSubject[] = []
  for (const t of touches) {
    if (t.key === null) continue
    if (t.root === 'votes') {
      out.push({ what: 'vote' })
      continue
    }
    if (t.root !== 'nodes' && t.root !== 'relations') continue
    const id = `${t.root}\u0000${t.key}`
    const seen = kinds.get(id) ?? { root: t.root, kinds: new Set<string | null>() }
    kinds.set(id, seen)
    const record = t.entry?.value as { get?: (k: string) => unknown } | undefined
    if (t.entry)
      seen.kinds.add(typeof record?.get === 'function' ? ((record.get('kind') as string | null) ?? null) : null)
    if (t.op === 'insert' && t.field === 'kind') seen.kinds.add((t.written as string | undefined) ?? null)
  }
  for (const { root, kinds: found } of kinds.values()) {
    // A new record that writes no kind cannot be told apart: judged as unreadable.
    if (found.size === 0) found.add(null)
    for (const k of found) {
      out.push(
        root === 'nodes'
          ? { what: 'node', kind: asKind(NODE_KINDS, k) }
          : { what: 'relation', kind: asKind(RELATION_KINDS, k) },
      )
    }
  }
  return out
}

/** [PP2] Why this update may not be written in this phase, or null. */
export function phaseRefusalOf(
  touches: readonly Touch[],
  phase: Phase | null | undefined,
  owner: boolean,
): string | null {
  if (!phase || (owner && !phase.ownersToo)) return null
  for (const subject of phaseSubjects(touches)) {
    const reason = phaseRefusal(phase, subject, owner)
    if (reason) return reason
  }
  return null
}

/** The phase named `name` in a set, if any (names compare as [PP7] says). */
export function findPhase(set: PhaseSet, name: string | null | undefined): Phase | null {
  if (!name) return null
  return set.find((p) => samePhaseName(p.name, name)) ?? null
}
