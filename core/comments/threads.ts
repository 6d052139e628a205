import type { Mentionable, ThreadView, Visibility } from './schema'

/** [CM6] Whether a person reads a thread: 'teachers' threads are for owners, their author and whom they mention. */
export function threadVisibleTo(
  thread: { visibility: Visibility | string; createdBy: string; mentioned: readonly string[] },
  viewer: { userId: string | null; owner: boolean },
): boolean {
  if (thread.visibility === 'everyone') return true
  if (viewer.owner) return true
  return viewer.userId !== null && (thread.createdBy === viewer.userId || thread.mentioned.includes(viewer.userId))
}

/** The comments still standing in a thread (deleted ones keep their place but do not count). */
export const liveComments = (t: ThreadView) => t.comments.filter((c) => !c.deleted)

/** Threads still open and with something to read, newest activity first. */
export function openThreads(threads: readonly ThreadView[]): ThreadView[] {
  return threads
    .filter((t) => !t.resolved && liveComments(t).length > 0)
    .sort((a, b) => lastActivity(b) - lastActivity(a))
}

function lastActivity(t: ThreadView): number {
  return Math.max(...t.comments.map((c) => Date.parse(c.editedAt ?? c.createdAt)), Date.parse(t.createdAt))
}

/** Element id -> comments in its open threads, for the counts on nodes and relations. */
export function commentCounts(threads: readonly ThreadView[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of openThreads(threads)) counts.set(t.target.id, (counts.get(t.target.id) ?? 0) + liveComments(t).length)
  return counts
}

/**
 * The people a comment's text still names: a person picked from the list is
 * mentioned only while "@Their Name" stands in the text (it may have been
 * edited out). Longest names first, so "@Ann Lee" is not read as "@Ann".
 */
export function mentionsInBody(body: string, picked: readonly Mentionable[]): string[] {
  const out: string[] = []
  for (const p of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    if (p.name && body.includes(`@${p.name}`) && !out.includes(p.id)) out.push(p.id)
  }
  return out
}

/** People whose name starts with what follows the last "@" before the caret, for the mention picker. */
export function mentionQuery(textBeforeCaret: string): string | null {
  const m = /(?:^|\s)@([^\s@]{0,40})$/.exec(textBeforeCaret)
  return m ? m[1]! : null
}

export function matchMentionables(query: string, people: readonly Mentionable[], limit = 8): Mentionable[] {
  const q = query.toLocaleLowerCase()
  return people
    .filter(
      (p) =>
        p.name
          .toLocaleLowerCase()
          .split(/\s+/)
          .some((w) => w.startsWith(q)) || p.name.toLocaleLowerCase().startsWith(q),
    )
    .slice(0, limit)
}

/** A comment's text cut into plain runs and the "@Name" runs of the people it mentions, for display as text. */
export function splitMentions(body: string, names: readonly string[]): Array<{ text: string; mention: boolean }> {
  const marks = [...new Set(names.filter(Boolean).map((n) => `@${n}`))].sort((a, b) => b.length - a.length)
  const out: Array<{ text: string; mention: boolean }> = []
  let rest = body
  while (rest) {
    let at = -1
    let hit = ''
    for (const m of marks) {
      const i = rest.indexOf(m)
      if (i >= 0 && (at < 0 || i < at)) {
        at = i
        hit = m
      }
    }
    if (at < 0) {
      out.push({ text: rest, mention: false })
      break
    }
    if (at > 0) out.push({ text: rest.slice(0, at), mention: false })
    out.push({ text: hit, mention: true })
    rest = rest.slice(at + hit.length)
  }
  return out
}
