import type { MapStore } from '../store/MapStore'
import type { RoomBus } from './bus'
import type { PersistOptions } from './persistQueue'
import { Room, type OnStored } from './Room'
import type { RoomHistory } from './roomHistory'

interface Slot {
  room: Promise<Room>
  holders: number
}

/**
 * Live rooms by map id, reference-counted. A room closes (flushing to the
 * store) when its last holder releases it; a room reopened meanwhile waits
 * for that flush, so it never loads a store that misses the last edits.
 */
export class RoomRegistry {
  private readonly slots = new Map<string, Slot>()
  private readonly closing = new Map<string, Promise<void>>()

  constructor(
    private readonly store: MapStore,
    private readonly options: PersistOptions,
    private readonly bus?: RoomBus,
    private readonly history?: RoomHistory,
  ) {}

  /** `onStored` is used only when this call opens the room ([SY10]: its first person). */
  acquire(mapId: string, onStored?: OnStored): Promise<Room> {
    let slot = this.slots.get(mapId)
    if (!slot) {
      const previous = this.closing.get(mapId) ?? Promise.resolve()
      slot = {
        room: previous.then(() => Room.load(mapId, this.store, this.options, this.bus, this.history, onStored)),
        holders: 0,
      }
      this.slots.set(mapId, slot)
      // A failed load must not poison later attempts.
      slot.room.catch(() => this.slots.get(mapId) === slot && this.slots.delete(mapId))
    }
    slot.holders++
    return slot.room
  }

  release(mapId: string): void {
    const slot = this.slots.get(mapId)
    if (!slot || --slot.holders > 0) return
    this.slots.delete(mapId)
    const done = slot.room
      .then((room) => room.close())
      .catch(() => {})
      .finally(() => {
        if (this.closing.get(mapId) === done) this.closing.delete(mapId)
      })
    this.closing.set(mapId, done)
  }

  /** Runs `fn` on the live document, loading it if nobody has it open. */
  async withRoom<T>(mapId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(mapId)
    try {
      return await fn(room)
    } finally {
      this.release(mapId)
    }
  }

  live(mapId: string): Promise<Room> | undefined {
    return this.slots.get(mapId)?.room
  }

  /** [DU2] Persistence lag of every open room, for /readyz. */
  async saveStates(): Promise<Array<{ mapId: string } & Room['saveState']>> {
    const open = [...this.slots].map(async ([mapId, slot]) => ({ mapId, ...(await slot.room).saveState }))
    const settled = await Promise.allSettled(open)
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  }

  get size(): number {
    return this.slots.size
  }

  /** Flushes and closes every room; for shutdown. */
  async closeAll(): Promise<void> {
    const rooms = [...this.slots.values()].map((s) => s.room)
    this.slots.clear()
    await Promise.allSettled(rooms.map(async (r) => (await r).close()))
    await Promise.allSettled(this.closing.values())
  }
}
