import type { EntryRef, Touch } from '../ydoc/touches'
import { phaseRefusalOf } from './phases'
import type { Phase } from './phaseSet'

/**
 * [PA1]–[PA8] Whether one person's update may change a map, judged record by
 * record from what the update touches (core/ydoc/touches.ts). Pure: what the
 * judge needs to know about the doc comes in as functions.
 */

/** The person on the connection, as the server knows them. */
export interface Actor {
  userId: string
  owner: boolean
  /** [PA7] Under the own-work policy: changes and deletes only their own records. */
  ownWork: boolean
  /** [PP2] The map's current phase, when it has one: what may be written in it. */
  phase?: Phase | null
  /** [PM1] Review mode: this person's new nodes must arrive pending. */
  review?: boolean
}

export interface DocFacts {
  /** The userId bound to a clientID ([PA1]), if any. */
  boundTo(clientId: number): string | undefined
  /** True when the doc already holds items written with this clientID. */
  hasHistory(clientId: number): boolean
  /** Who owns an entry: its creator, or the original author of a restored record. */
  authorOf(entry: EntryRef): string | null
  /** Whether the root map holds a live entry under `key`. */
  live(root: 'nodes' | 'relations', key: string): boolean
}

export type Verdict = { ok: true; bind: number[] } | { ok: false; reason: string }

/** Fields only owners write: the lock itself, and the original author a restore writes back. */
const OWNER_FIELDS = new Set(['locked', 'author', 'review', 'reviewReason'])

export function judgeUpdate(
  scan: { writers: number[]; touches: readonly Touch[] },
  actor: Actor,
  facts: DocFacts,
): Verdict {
  // [PA1] A clientID speaks for the person who first wrote with it, and for nobody else.
  const bind: number[] = []
  for (const client of scan.writers) {
    const bound = facts.boundTo(client)
    if (bound === undefined) {
      if (facts.hasHistory(client)) return deny("writes under a clientID whose earlier work is not this person's")
      bind.push(client)
    } else if (bound !== actor.userId) return deny("writes under another person's clientID")
  }
  // [PP2] The phase is judged first: in it, some kinds of record are not for anyone but the teacher.
  const phaseReason = phaseRefusalOf(scan.touches, actor.phase, actor.owner)
  if (phaseReason) return deny(phaseReason)
  const reviewReason = reviewRefusal(scan.touches, actor)
  if (reviewReason) return deny(reviewReason)
  // What this update deletes, so that removing a node may take the votes on it ([PA8]).
  const deleted = { nodes: new Set<string>(), relations: new Set<string>() }
  for (const t of scan.touches) {
    if (t.op === 'delete' && t.field === null && t.key !== null && (t.root === 'nodes' || t.root === 'relations'))
      deleted[t.root].add(t.key)
  }
  // Methods, not arrows: tsx (`npm start`) names each arrow with a defineProperty call, for every update.
  const records: RecordsAfter = {
    gone(root, id) {
      return typeof id !== 'string' || deleted[root].has(id) || !facts.live(root, id)
    },
    deletedHere(root, key) {
      return deleted[root].has(key)
    },
  }
  for (const t of scan.touches) {
    const reason = judgeTouch(t, actor, facts, records)
    if (reason) return deny(reason)
  }
  return { ok: true, bind }
}

/** The records as they stand once the update under judgement is applied. */
interface RecordsAfter {
  /** Not a live record after the update (deleted by it, or never there). */
  gone(root: 'nodes' | 'relations', id: unknown): boolean
  /** Deleted by the update itself. */
  deletedHere(root: 'nodes' | 'relations', key: string): boolean
}

function judgeTouch(t: Touch, actor: Actor, facts: DocFacts, records: RecordsAfter): string | null {
  if (t.key === null) return 'writes outside the map layout'
  switch (t.root) {
    case 'authors':
      return 'authorship is recorded by the server only' // [PA2]
    case 'trash':
      // [PA2], [PA9] The server files deletions; owners take entries out when they restore them.
      return t.op === 'delete' && t.field === null && actor.owner ? null : 'the trash is kept by the server'
    case 'meta':
      return actor.owner ? null : 'only owners change the map title and settings' // [PA4]
    case 'votes':
      return judgeVote(t, t.key, actor, records)
    case 'nodes':
    case 'relations':
      // Deleting a record deletes its fields too: they are judged as that one deletion.
      if (t.op === 'delete' && t.field !== null && records.deletedHere(t.root, t.key)) return null
      return judgeRecord(t, t.root, actor, facts)
    default:
      return 'writes outside the map layout' // [PA2]
  }
}

/** [PA8] A vote is keyed by its voter: nobody casts or withdraws one in someone else's name. */
function judgeVote(t: Touch, key: string, actor: Actor, records: RecordsAfter): string | null {
  const bar = key.indexOf('|')
  if (bar <= 0) return 'malformed vote key'
  if (key.slice(bar + 1) === actor.userId || actor.owner) return null
  // An editor free to delete a node takes the votes on it; under the own-work policy that is their work ([PA7]).
  if (t.op === 'delete' && t.field === null && !actor.ownWork && records.gone('nodes', key.slice(0, bar))) return null
  return "casts or changes a vote in someone else's name"
}

function judgeRecord(t: Touch, root: 'nodes' | 'relations', actor: Actor, facts: DocFacts): string | null {
  // [PM1] A new node may arrive pending (review mode asks for it): the one owner field anyone writes.
  if (t.field === 'review' && !t.entry && t.op === 'insert' && t.written === 'pending') return null
  if (t.field !== null && OWNER_FIELDS.has(t.field) && !actor.owner) return `only owners set "${t.field}"` // [PA5], [PA6]
  // A new record (a relation to anyone's node, evidence for it) is always the writer's own.
  if (!t.entry || !t.entry.live || actor.owner) return null
  const record = t.entry.value as { get?: (k: string) => unknown } | undefined
  const locked = typeof record?.get === 'function' && record.get('locked') === true
  return changeRefusal(actor, { kind: root === 'nodes' ? 'node' : 'relation', locked, author: facts.authorOf(t.entry) })
}

/**
 * [PA5], [PA7] Why this person may not change or delete an existing record, or
 * null when they may. The server judges every update with it; the editor asks
 * it first, so an honest person is told before the server has to refuse.
 * Under the own-work policy a node carrying others' relations or votes stays
 * too (deleting it would take their work with it): that is checked per touch.
 */
export function changeRefusal(
  actor: Actor,
  record: { kind: 'node' | 'relation'; locked: boolean; author: string | null | undefined },
): string | null {
  if (actor.owner) return null
  if (record.kind === 'node' && record.locked) return 'this node is locked by an owner'
  if (actor.ownWork && record.author !== actor.userId) {
    return record.kind === 'node' ? "changes someone else's node" : "changes someone else's relation"
  }
  return null
}

/** [PM1] In review mode every node a non-owner creates must carry `review: 'pending'`. */
function reviewRefusal(touches: readonly Touch[], actor: Actor): string | null {
  if (!actor.review || actor.owner) return null
  const created = new Set<string>()
  const pending = new Set<string>()
  for (const t of touches) {
    if (t.root !== 'nodes' || t.key === null || t.op !== 'insert' || t.entry) continue
    if (t.field === null) created.add(t.key)
    else if (t.field === 'review' && t.written === 'pending') pending.add(t.key)
  }
  for (const key of created) if (!pending.has(key)) return 'new nodes wait for a teacher’s review on this map'
  return null
}

const deny = (reason: string): Verdict => ({ ok: false, reason })
