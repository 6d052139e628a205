/**
 * A small least-recently-used cache. A Map iterates in insertion order, so
 * re-inserting on every hit keeps the oldest entry first, ready to evict.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('an LRU needs room for at least one entry')
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined
    const value = this.entries.get(key) as V
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K)
  }

  delete(key: K): void {
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }

  keys(): K[] {
    return [...this.entries.keys()]
  }
}
