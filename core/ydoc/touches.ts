import * as Y from 'yjs'

/**
 * What a Yjs update would change in a doc, resolved before it is applied, so
 * the server can judge it record by record ([PA3]) and refuse it whole.
 *
 * Every new item of the update is placed (root, entry key, field) by walking
 * its parent chain, through the update's own items and the doc's store; every
 * deleted range is looked up in the store. An item whose parent or neighbour
 * is in neither would wait in Yjs's pending queue and be integrated later,
 * unchecked, so such an update is refused rather than placed.
 */

/** An entry of a root map as the doc holds it before the update. */
export interface EntryRef {
  /** The clientID that wrote the item holding the entry: its creator. */
  readonly client: number
  /** The entry's value: a record (Y.Map) or a plain value. */
  readonly value: unknown
  /** False when the entry was already deleted. */
  readonly live: boolean
}

export interface Touch {
  readonly op: 'insert' | 'delete'
  readonly root: string
  /** The entry's key in its root map; null for an item in a root's list part (no op writes one). */
  readonly key: string | null
  /** The field of the entry's record; null for the entry itself ('' for a list child of a record). */
  readonly field: string | null
  /** The entry as it stands before the update; absent when the update creates it. */
  readonly entry?: EntryRef
  /** For an insert into a record's field: the plain value written (a node's `kind`, say); absent for types. */
  readonly written?: unknown
}

export type UpdateScan =
  { ok: true; writers: number[]; touches: Touch[] } | { ok: false; malformed: boolean; reason: string }

type Struct = Y.Item | Y.GC | Y.Skip

interface Place {
  root: string
  key: string | null
  field: string | null
  depth: number
  /** The store item holding the entry; null when the entry is new in this update. */
  entry: Y.Item | null
}

const refuse = (reason: string): UpdateScan => ({ ok: false, malformed: false, reason })
class Unresolvable extends Error {}
class Malformed extends Error {}

export function scanUpdate(doc: Y.Doc, update: Uint8Array): UpdateScan {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } }
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded
  } catch {
    return { ok: false, malformed: true, reason: 'malformed update' }
  }
  const store = doc.store

  const byClient = new Map<number, Struct[]>()
  for (const s of decoded.structs) {
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const writers: number[] = []
  const fresh: Y.Item[] = []
  const freshEnd = new Map<number, number>()
  for (const [client, structs] of byClient) {
    let expected = Y.getState(store, client)
    for (const s of structs) {
      const end = s.id.clock + s.length
      if (end <= expected) continue
      // A gap before this struct would leave it pending in Yjs, integrated later without a check.
      if (s instanceof Y.Skip || s.id.clock > expected)
        return refuse('the update depends on changes the server does not have')
      expected = end
      if (s instanceof Y.Item) fresh.push(s)
    }
    if (expected > Y.getState(store, client)) {
      writers.push(client)
      freshEnd.set(client, expected)
    }
  }

  const places = new Placer(store, byClient)
  const touches: Touch[] = []
  try {
    for (const item of fresh) {
      const place = places.ofUpdateItem(item)
      if (!place) continue
      // [PP4] A phase judges a record by its kind, which a new record carries as a plain field value.
      const plain =
        place.depth === 1 && !(item.content instanceof Y.ContentType) && !(item.content instanceof Y.ContentDeleted)
      touches.push(touchAt('insert', place, plain ? item.content.getContent()[0] : undefined))
      if (place.depth === 0 && place.key !== null) {
        // Setting a key replaces what it holds: a deletion of that entry, judged as one.
        const live = (doc.share.get(place.root) as Y.AbstractType<unknown> | undefined)?._map.get(place.key)
        if (live && !live.deleted) touches.push(touchAt('delete', placeOf(place.root, place.key, null, 0, live)))
      }
    }
    for (const [client, ranges] of decoded.ds.clients) {
      const known = Y.getState(store, client)
      for (const { clock, len } of ranges) {
        const end = clock + len
        // Deleting what the server has never seen would wait in Yjs and strike whoever writes it later.
        if (end > known && (freshEnd.get(client) ?? known) < end) {
          return refuse('the update deletes changes the server does not have')
        }
        if (clock >= known) continue
        const structs = store.clients.get(client)!
        for (
          let i = Y.findIndexSS(structs, clock);
          i < structs.length && structs[i]!.id.clock < Math.min(end, known);
          i++
        ) {
          const s = structs[i]!
          if (!(s instanceof Y.Item) || s.deleted) continue
          const place = storePlace(s)
          if (place) touches.push(touchAt('delete', place))
        }
      }
    }
  } catch (err) {
    if (err instanceof Unresolvable) return refuse('the update depends on changes the server does not have')
    if (err instanceof Malformed) return { ok: false, malformed: true, reason: 'malformed update' }
    throw err
  }
  return { ok: true, writers, touches }
}

/**
 * Places the items of one update, through the update's own items and the doc's store. A class rather than
 * closures inside scanUpdate: `npm start` runs under tsx, which names every inner closure with a call to
 * `Object.defineProperty` each time it is created, and this runs for every update a class sends.
 */
class Placer {
  private readonly memo = new Map<Y.Item, Place | null>()

  constructor(
    private readonly store: Y.Doc['store'],
    private readonly byClient: Map<number, Struct[]>,
  ) {}

  ofUpdateItem(item: Y.Item): Place | null {
    if (this.memo.has(item)) return this.memo.get(item)!
    this.memo.set(item, null) // a cycle of references places nothing (Yjs cannot integrate it either)
    const place = this.compute(item)
    this.memo.set(item, place)
    return place
  }

  private compute(item: Y.Item): Place | null {
    const parent = item.parent as Y.ID | string | null
    if (parent === null) {
      // Parent and key are inherited from the neighbour the item was inserted next to.
      const ref = item.origin ?? item.rightOrigin
      if (!ref) throw new Malformed()
      const sibling = this.ofId(ref)
      if (!sibling) return null
      return sibling.depth === 0 ? placeOf(sibling.root, sibling.key, sibling.field, 0, null) : sibling
    }
    if (typeof parent === 'string') return placeOf(parent, item.parentSub, null, 0, null)
    const stored = this.inStore(parent)
    if (stored) {
      if (stored instanceof Y.GC) return null
      if (!(stored.content instanceof Y.ContentType)) throw new Malformed()
      const up = storePlace(stored)
      return up && child(up, item.parentSub)
    }
    const own = this.inUpdate(parent)
    if (!own) throw new Unresolvable()
    if (!(own instanceof Y.Item) || !(own.content instanceof Y.ContentType)) throw new Malformed()
    const up = this.ofUpdateItem(own)
    return up && child(up, item.parentSub)
  }

  /** Where the struct holding `id` sits; null when it is garbage-collected (whatever hangs on it becomes GC too). */
  private ofId(id: Y.ID): Place | null {
    const stored = this.inStore(id)
    if (stored) return stored instanceof Y.Item ? storePlace(stored) : null
    const own = this.inUpdate(id)
    if (!own) throw new Unresolvable()
    return own instanceof Y.Item ? this.ofUpdateItem(own) : null
  }

  /** The update's own struct holding `id`, for ids the store does not have yet. */
  private inUpdate(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]!
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s
    }
    return undefined
  }

  private inStore(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock >= Y.getState(this.store, id.client)) return undefined
    const structs = this.store.clients.get(id.client)!
    return structs[Y.findIndexSS(structs, id.clock)]
  }
}

/** Where an integrated item sits, from its parent chain. */
function storePlace(item: Y.Item): Place | null {
  const parent = item.parent as Y.AbstractType<unknown> | null
  if (!parent || !(parent instanceof Y.AbstractType)) return null
  const holder = parent._item
  if (holder === null) return placeOf(Y.findRootTypeKey(parent), item.parentSub, null, 0, item)
  const up = storePlace(holder)
  return up && child(up, item.parentSub)
}

/** A child of a record is one of its fields; anything deeper (a text's characters) belongs to that field. */
function child(up: Place, sub: string | null): Place {
  return up.depth === 0
    ? placeOf(up.root, up.key, sub ?? '', 1, up.entry)
    : placeOf(up.root, up.key, up.field, up.depth + 1, up.entry)
}

/**
 * Places and touches are built whole, every property in the same order (no spreads, no property added later):
 * one object shape each, so the judge's reads of them stay monomorphic. This runs for every item of every update.
 */
function placeOf(root: string, key: string | null, field: string | null, depth: number, entry: Y.Item | null): Place {
  return { root, key, field, depth, entry }
}

function touchAt(op: Touch['op'], place: Place, written?: unknown): Touch {
  return {
    op,
    root: place.root,
    key: place.key,
    field: place.depth === 0 ? null : place.field,
    entry: place.entry ? entryRef(place.entry) : undefined,
    written,
  }
}

function entryRef(item: Y.Item): EntryRef {
  const content = item.content
  const value = content instanceof Y.ContentType ? content.type : content.getContent()[0]
  return { client: item.id.client, value, live: !item.deleted }
}
