import type * as Y from 'yjs'
import { ContributorSchema } from '../graph'
import type { Origin } from './origins'
import { authorsOf, trashOf } from './shape'
import { TrashEntrySchema } from './trash'

/**
 * [PN3] Server only: shows every person the doc names (the `authors` root, who
 * deleted each trash entry) under the name `nameFor` gives, in one
 * transaction. Turning anonymity on rewrites real names to pseudonyms and off
 * again back; the replaced values are deleted, so a client that syncs later
 * never receives the old names (the server's doc collects deleted content).
 */
export function renameContributors(
  doc: Y.Doc,
  nameFor: (userId: string) => string | undefined,
  origin: Origin,
): number {
  let changed = 0
  doc.transact(() => {
    const authors = authorsOf(doc)
    for (const [key, raw] of authors.entries()) {
      const parsed = ContributorSchema.safeParse(raw)
      const name = parsed.success ? nameFor(parsed.data.userId) : undefined
      if (parsed.success && name !== undefined && name !== parsed.data.name) {
        authors.set(key, { ...parsed.data, name })
        changed++
      }
    }
    const trash = trashOf(doc)
    for (const [key, raw] of trash.entries()) {
      const parsed = TrashEntrySchema.safeParse(raw)
      const name = parsed.success ? nameFor(parsed.data.deletedBy.userId) : undefined
      if (parsed.success && name !== undefined && name !== parsed.data.deletedBy.name) {
        trash.set(key, { ...parsed.data, deletedBy: { ...parsed.data.deletedBy, name } })
        changed++
      }
    }
  }, origin)
  return changed
}
