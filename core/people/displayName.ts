import type { ArgumentMap, Contributor } from '../graph'

/**
 * The one place an account becomes the name people see next to its votes.
 * With anonymity on (the teacher's console will set it), people are shown as
 * "Participant 1", "Participant 2"…, numbered in a fixed order of their ids,
 * so the same person keeps the same number on every screen.
 */
export interface NameBook {
  people: ReadonlyMap<string, Pick<Contributor, 'name'>>
  anonymous?: boolean
}

export function nameResolver(
  book: NameBook,
  everyone: Iterable<string> = book.people.keys(),
): (userId: string) => string {
  if (!book.anonymous) return (userId) => book.people.get(userId)?.name || 'someone'
  const order = [...new Set(everyone)].sort()
  const numbers = new Map(order.map((id, i) => [id, i + 1]))
  return (userId) => `Participant ${numbers.get(userId) ?? '?'}`
}

export interface PersonVotes {
  userId: string
  name: string
  votes: Array<{ nodeId: string; text: string; value: number }>
}

/** Each person's votes on the map (or on the given nodes), people by name, votes in map order. */
export function votesByPerson(map: ArgumentMap, book: NameBook, onNodes?: ReadonlySet<string>): PersonVotes[] {
  const nameOf = nameResolver(book, [...book.people.keys(), ...map.votes.map((v) => v.userId)])
  const order = new Map(map.nodes.map((n, i) => [n.id, i]))
  const byUser = new Map<string, PersonVotes>()
  for (const v of map.votes) {
    if (onNodes && !onNodes.has(v.nodeId)) continue
    const node = map.nodes.find((n) => n.id === v.nodeId)
    if (!node) continue
    const entry = byUser.get(v.userId) ?? { userId: v.userId, name: nameOf(v.userId), votes: [] }
    entry.votes.push({ nodeId: v.nodeId, text: node.text, value: v.value })
    byUser.set(v.userId, entry)
  }
  for (const p of byUser.values()) p.votes.sort((a, b) => (order.get(a.nodeId) ?? 0) - (order.get(b.nodeId) ?? 0))
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
}
