import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** Deleted ranges per clientID, sorted and merged, as Yjs keeps them. */
export type DeletedRanges = Map<number, Array<{ clock: number; len: number }>>

export function deletedRanges(doc: Y.Doc): DeletedRanges {
  const ds = Y.createDeleteSetFromStructStore(doc.store)
  return new Map([...ds.clients].map(([client, items]) => [client, items.map((i) => ({ clock: i.clock, len: i.len }))]))
}

/** A delete set in Yjs's update format (v1), clients in the order Yjs writes them. */
function encodeDeletedRanges(ds: DeletedRanges): Uint8Array {
  const e = encoding.createEncoder()
  const clients = [...ds].filter(([, items]) => items.length > 0).sort((a, b) => b[0] - a[0])
  encoding.writeVarUint(e, clients.length)
  for (const [client, items] of clients) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, items.length)
    for (const i of items) {
      encoding.writeVarUint(e, i.clock)
      encoding.writeVarUint(e, i.len)
    }
  }
  return encoding.toUint8Array(e)
}

/** What `now` deletes beyond `before` (deletions are permanent, so `now` covers `before`). */
export function newDeletions(now: DeletedRanges, before: DeletedRanges): DeletedRanges {
  const out: DeletedRanges = new Map()
  for (const [client, items] of now) {
    const old = before.get(client) ?? []
    const kept: Array<{ clock: number; len: number }> = []
    let j = 0
    for (const { clock, len } of items) {
      let start = clock
      const end = clock + len
      while (j < old.length && old[j]!.clock + old[j]!.len <= start) j++
      for (let k = j; k < old.length && old[k]!.clock < end; k++) {
        const o = old[k]!
        if (o.clock > start) kept.push({ clock: start, len: o.clock - start })
        start = Math.max(start, o.clock + o.len)
      }
      if (start < end) kept.push({ clock: start, len: end - start })
    }
    if (kept.length > 0) out.set(client, kept)
  }
  return out
}

const endsWith = (whole: Uint8Array, tail: Uint8Array) =>
  whole.length >= tail.length && tail.every((b, i) => b === whole[whole.length - tail.length + i])

/**
 * [HI4] [HI5] The update a checkpoint stores: the structs since `sinceStateVector` and, where the
 * deletions at the previous checkpoint are known, only the deletions made since (a Yjs update
 * otherwise repeats the doc's whole delete set, which grows with every edit). Replaying the chain
 * in order unites the pieces into exactly the doc's delete set. Should the update not end with the
 * delete set as Yjs writes it (a future format), the whole update is kept: larger, never wrong.
 */
export function checkpointUpdate(
  doc: Y.Doc,
  sinceStateVector?: Uint8Array,
  deletedBefore?: DeletedRanges,
): { update: Uint8Array; deleted: DeletedRanges } {
  const full = Y.encodeStateAsUpdate(doc, sinceStateVector)
  const deleted = deletedRanges(doc)
  if (!deletedBefore) return { update: full, deleted }
  const whole = encodeDeletedRanges(deleted)
  if (!endsWith(full, whole)) return { update: full, deleted }
  const fresh = encodeDeletedRanges(newDeletions(deleted, deletedBefore))
  // Ranges Yjs merged can take more bytes apart than together: keep whichever is smaller.
  if (fresh.length >= whole.length) return { update: full, deleted }
  const update = new Uint8Array(full.length - whole.length + fresh.length)
  update.set(full.subarray(0, full.length - whole.length))
  update.set(fresh, full.length - whole.length)
  return { update, deleted }
}
