import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { RoleSchema, can } from '../../core/permissions'
import { LEAD_FIELDS } from '../../core/presence/follow'
import { STORAGE_ORIGIN, SYSTEM_ORIGIN, migrateDoc, type RemoteOrigin, type TransactionOrigin } from '../../core/ydoc'
import type { MapStore } from '../store/MapStore'
import { filterAwarenessUpdate, isAwarenessEcho } from './awarenessFilter'
import { ClientOwners } from './clientOwners'
import type { BusKind, RoomBus } from './bus'
import { raisedStateVector } from './coldStart'
import { liveSnapshotter } from './liveSnapshot'
import { PersistQueue, type PersistOptions } from './persistQueue'
import { PresenceRelay } from './presenceRelay'
import { RoomCheckpoints, type RoomHistory } from './roomHistory'
import { SERVER_AWARENESS_OWNER, isServerAwarenessOrigin, publishCommentsChanged, publishSaveState } from './saveSignal'
import { writerOf, type Peer, type PeerAccess } from './peer'
import { applyGuarded } from './updateGuard'
import {
  readClientMessage,
  writeAwarenessStates,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol'

/** Close codes sent to a peer that broke the protocol. */
export const CLOSE_PROTOCOL_ERROR = 4400
/**
 * [PA3] Sent after "permission denied" for a refused edit. A client cannot
 * take back its own local change, so retrying with the same doc cannot help
 * (hence 44xx: the stock client stops); the editor reloads its doc.
 */
export const CLOSE_EDIT_REFUSED = 4409

const MAX_AWARENESS_STATE_CHARS = 4096

/** An update with no structs and no deletions, as an up-to-date client sends in the handshake. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

/**
 * Origin of what arrives from other instances: relayed to local peers, never
 * republished. [DU3] It is persisted here too (after the longer bus window):
 * the origin may die before its own append, and clients that hold an edit
 * never send it again, so whoever holds it must store it.
 */
export const BUS_ORIGIN: RemoteOrigin = Object.freeze({ remote: 'bus' as const })

const COMMENTS_SIGNAL = new TextEncoder().encode('comments')

/** With a bus, a room re-reads the store this often to heal any message the bus dropped. */
const BUS_RESYNC_MS = 30_000

interface PeerState {
  access: PeerAccess
  clientId: number | null
  /** [SY10] What this peer was sent before the room had a doc: its first SyncStep1 is answered above it. */
  baseline?: ReadonlyMap<number, number>
}

/**
 * [SY10] Called with what the store holds before the room builds its doc
 * from it; the build waits until it resolves (the frames are on their way).
 */
export type OnStored = (updates: Uint8Array[]) => Promise<void>

/**
 * One map's live document: loaded from the store before it answers anybody,
 * relaying updates between peers and appending them through a group commit.
 */
export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  private readonly peers = new Map<Peer, PeerState>()
  /** [PS5] [PB5] Who announced each awareness clientID first; reserved while its owner reconnects. */
  private readonly clientOwners = new ClientOwners()
  /** [PB2] Awareness goes out coalesced, one frame per peer per tick. */
  private readonly presence: PresenceRelay
  private persist!: PersistQueue
  private leaveBus: (() => Promise<void>) | undefined
  /** [SY10] The doc's state vector right after the stored updates were applied (before migrations). */
  private storedVector: Map<number, number> = new Map()
  /** [HI1] Automatic checkpoints; absent without a history store. */
  checkpoints: RoomCheckpoints | undefined
  private resyncTimer: ReturnType<typeof setTimeout> | undefined

  private constructor(
    readonly mapId: string,
    private readonly store: MapStore,
    private readonly bus: RoomBus | undefined,
  ) {
    // A guid of our own: Yjs would draw a random uuid, 31 calls to the system's random source, for every room
    // opened (0.28 ms per room in a profile of 500 maps opening at once).
    this.doc = new Y.Doc({ guid: mapId })
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server has no presence of its own; its clientID carries only the save signal ([DU2]).
    this.awareness.setLocalState(null)
    this.clientOwners.claim(this.awareness.clientID, SERVER_AWARENESS_OWNER)
    this.presence = new PresenceRelay(
      this.awareness,
      () => this.peers.keys(),
      bus && ((update) => bus.publish(mapId, 'awareness', update)),
    )
  }

  static async load(
    mapId: string,
    store: MapStore,
    options: PersistOptions,
    bus?: RoomBus,
    history?: RoomHistory,
    onStored?: OnStored,
  ): Promise<Room> {
    const room = new Room(mapId, store, bus)
    room.doc.on('update', room.relayAndPersist)
    room.awareness.on('update', room.relayAwareness)
    room.persist = new PersistQueue(
      store,
      mapId,
      options,
      (since) => publishSaveState(room.awareness, since),
      () => Y.encodeStateAsUpdate(room.doc),
      liveSnapshotter(room.doc, store, mapId, bus !== undefined),
    )
    // Subscribe before loading: whatever other instances send meanwhile is
    // applied too (Yjs merges in any order), so nothing falls in the gap.
    if (bus) room.leaveBus = await bus.join(mapId, room.receiveFromBus)
    const stored = await store.load(mapId)
    // [SY10] Alone only: with a bus, updates applied during the load are in the doc but not in what was sent.
    if (onStored && !bus && stored.updates.length > 0) await onStored(stored.updates)
    room.persist.loaded(stored.updates.length, stored.head)
    room.applyStored(stored.updates)
    room.storedVector = Y.decodeStateVector(Y.encodeStateVector(room.doc))
    migrateDoc(room.doc, SYSTEM_ORIGIN)
    if (history) {
      room.checkpoints = new RoomCheckpoints(mapId, room.doc, history, (msg, err) =>
        console.error(`[history] ${msg}`, err ?? ''),
      )
      await room.checkpoints.loaded()
    }
    if (bus) room.scheduleResync(BUS_RESYNC_MS)
    return room
  }

  private applyStored(updates: Uint8Array[]): void {
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
  }

  get peerCount(): number {
    return this.peers.size
  }

  /** `sentStored`: [SY10] the peer was sent the stored state while this room loaded. */
  join(peer: Peer, access: PeerAccess, sentStored = false): void {
    this.peers.set(peer, { access, clientId: null, ...(sentStored ? { baseline: this.storedVector } : {}) })
    peer.send(writeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) peer.sendPresence(writeAwarenessStates(this.awareness, states))
  }

  leave(peer: Peer): void {
    const state = this.peers.get(peer)
    this.peers.delete(peer)
    if (state?.clientId != null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [state.clientId], peer)
    }
  }

  accessOf(peer: Peer): PeerAccess | undefined {
    return this.peers.get(peer)?.access
  }

  /** Changes a live peer's rights at once, e.g. when an owner demotes an editor. */
  setAccess(peer: Peer, access: PeerAccess): void {
    const state = this.peers.get(peer)
    if (state) state.access = access
  }

  peersWhere(pred: (peer: Peer, access: PeerAccess) => boolean): Peer[] {
    return [...this.peers].filter(([p, s]) => pred(p, s.access)).map(([p]) => p)
  }

  receive(peer: Peer, frame: Uint8Array): void {
    const state = this.peers.get(peer)
    if (!state) return
    const message = readClientMessage(frame)
    switch (message.type) {
      case 'sync-step1':
        // The state vector is only decoded here: a garbage one must close this socket, not throw.
        try {
          const vector = state.baseline ? raisedStateVector(message.stateVector, state.baseline) : message.stateVector
          state.baseline = undefined
          peer.reply(writeSyncStep2(this.doc, vector))
        } catch {
          peer.close(CLOSE_PROTOCOL_ERROR, 'malformed state vector')
        }
        return
      case 'sync-update':
        // A stock client answers the handshake with an empty update: nothing to judge, apply or refuse.
        if (isEmptyUpdate(message.update)) return
        if (!state.access.canWrite) {
          peer.send(writePermissionDenied('read-only: this map does not accept your edits'))
          return
        }
        try {
          const writer = writerOf(state.access)
          if (!writer) {
            Y.applyUpdate(this.doc, message.update, peer)
            return
          }
          // [PA3] Judged before it is applied: a refused update is not applied, relayed or stored.
          const outcome = applyGuarded(this.doc, message.update, writer, peer)
          if (outcome.ok) return
          if (outcome.malformed) return peer.close(CLOSE_PROTOCOL_ERROR, 'malformed update')
          peer.send(writePermissionDenied(outcome.reason))
          peer.close(CLOSE_EDIT_REFUSED, `edit refused: ${outcome.reason}`)
        } catch {
          peer.close(CLOSE_PROTOCOL_ERROR, 'malformed update')
        }
        return
      case 'awareness':
        this.receiveAwareness(peer, state, message.update)
        return
      case 'query-awareness':
        peer.reply(writeAwarenessStates(this.awareness, [...this.awareness.getStates().keys()]))
        return
      case 'auth':
        return
      case 'bad':
        peer.close(CLOSE_PROTOCOL_ERROR, message.reason)
    }
  }

  /** [DU2] What /readyz reports: how far persistence lags behind the room. */
  get saveState(): { lagMs: number; unsavedSince: number | null; pendingBytes: number } {
    return {
      lagMs: this.persist.lagMs(),
      unsavedSince: this.persist.unsavedSince,
      pendingBytes: this.persist.pendingBytes,
    }
  }

  /**
   * [CM7] The map's comments changed: every client here hears it (and fetches them
   * again); other instances hear it over the bus unless it came from there.
   */
  commentsChanged(fromBus = false): void {
    publishCommentsChanged(this.awareness)
    if (!fromBus) this.bus?.publish(this.mapId, 'signal', COMMENTS_SIGNAL)
  }

  /** Everything received so far is in the store once this resolves. */
  flush(): Promise<void> {
    return this.persist.flush()
  }

  /**
   * [PB1] Whether an awareness update is only the peer's echo of presence the
   * server already relayed: such a frame is dropped unread and costs nothing.
   */
  isEcho(peer: Peer, update: Uint8Array): boolean {
    const state = this.peers.get(peer)
    if (!state) return false
    const bound = state.clientId
    const me = state.access.userId ?? peer.id
    return isAwarenessEcho(
      update,
      // Before binding, a clientID this person announced earlier may be its own re-announcement.
      (id) => id === bound || (bound === null && this.clientOwners.ownerOf(id) === me),
      (id) => this.awareness.meta.get(id)?.clock,
    )
  }

  async close(): Promise<void> {
    this.presence.close()
    clearTimeout(this.resyncTimer)
    await this.leaveBus?.()
    await this.persist.flush()
    await this.checkpoints?.close()
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly receiveFromBus = (kind: BusKind, data: Uint8Array): void => {
    try {
      if (kind === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, data, BUS_ORIGIN)
        return
      }
      if (kind === 'signal') {
        if (new TextDecoder().decode(data) === 'comments') this.commentsChanged(true)
        return
      }
      Y.applyUpdate(this.doc, data, BUS_ORIGIN)
      // Structs waiting for a missing predecessor mean the bus dropped a message.
      if (this.doc.store.pendingStructs || this.doc.store.pendingDs) this.scheduleResync(200)
    } catch {
      this.scheduleResync(200)
    }
  }

  /** Heals gaps the bus left: the store has everything every instance persisted. */
  private scheduleResync(ms: number): void {
    clearTimeout(this.resyncTimer)
    this.resyncTimer = setTimeout(() => {
      this.store
        .load(this.mapId)
        .then(({ updates }) => this.applyStored(updates))
        .catch(() => {})
        .finally(() => this.scheduleResync(BUS_RESYNC_MS))
    }, ms)
    this.resyncTimer.unref?.()
  }

  private receiveAwareness(peer: Peer, state: PeerState, update: Uint8Array): void {
    const filtered = filterAwarenessUpdate(update, state.clientId, {
      maxStateChars: MAX_AWARENESS_STATE_CHARS,
      identity: state.access.identity,
      // [PS10] Only owners may ask everyone to follow them or look at a node.
      reservedFields: mayLead(state.access) ? undefined : LEAD_FIELDS,
      clockFloor: (clientId) => {
        // Only a state the server dropped (the client left) needs lifting past its removal.
        if (this.awareness.states.has(clientId)) return 0
        const meta = this.awareness.meta.get(clientId)
        return meta ? meta.clock + 1 : 0
      },
    })
    if (!filtered) return
    if (state.clientId === null && !this.clientOwners.claim(filtered.clientId, state.access.userId ?? peer.id)) return
    state.clientId = filtered.clientId
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered.update, peer)
    } catch {
      peer.close(CLOSE_PROTOCOL_ERROR, 'malformed awareness')
    }
  }

  private readonly relayAndPersist = (update: Uint8Array, origin: TransactionOrigin): void => {
    const frame = writeUpdate(update)
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame)
    // What came from the store is there already.
    if (origin === STORAGE_ORIGIN) return
    if (origin === BUS_ORIGIN) return this.persist.push(update, 'bus')
    this.checkpoints?.changed()
    this.persist.push(update)
    this.bus?.publish(this.mapId, 'update', update)
  }

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    for (const id of added) this.clientOwners.present(id)
    // The server's own clientID ([DU2]) comes and goes with the save signal: it is never forgotten.
    for (const id of removed) if (id !== this.awareness.clientID) this.clientOwners.left(id)
    // [PB5] Clients gone long enough are forgotten, their clocks with them.
    for (const id of this.clientOwners.sweep()) if (!this.awareness.states.has(id)) this.awareness.meta.delete(id)
    this.presence.changedClients(changed, origin !== BUS_ORIGIN && !isServerAwarenessOrigin(origin))
  }
}

function mayLead(access: PeerAccess): boolean {
  const role = RoleSchema.safeParse(access.role)
  return role.success && can(role.data, 'manage')
}
