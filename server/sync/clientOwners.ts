/** [PB5] How long a departed client's clientID stays reserved for whoever announced it. */
export const FORGET_DEPARTED_AFTER_MS = 10 * 60_000
/** [PB5] At most this many departed clientIDs are remembered per room; the oldest go first. */
export const MAX_DEPARTED_CLIENTS = 5000

/**
 * [PS5] [PB5] Who announced each awareness clientID first in a room (user id,
 * or peer id when anonymous). A clientID stays reserved while its client is
 * present and for FORGET_DEPARTED_AFTER_MS after it left, so nobody can take
 * it while its owner reconnects; after that it is forgotten, so a room open
 * for weeks does not keep every clientID it ever saw (each page load makes
 * a new one).
 */
export class ClientOwners {
  private readonly owners = new Map<number, string>()
  /** Departed clientIDs by the time they left, oldest first (Map keeps insertion order). */
  private readonly departed = new Map<number, number>()

  constructor(private readonly options: { forgetAfterMs?: number; maxDeparted?: number; now?: () => number } = {}) {}

  /** How many clientIDs the room remembers (present or departed). */
  get remembered(): number {
    return new Set([...this.owners.keys(), ...this.departed.keys()]).size
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId)
  }

  /** Binds `clientId` to `who`, unless someone else announced it first. */
  claim(clientId: number, who: string): boolean {
    const owner = this.owners.get(clientId)
    if (owner !== undefined && owner !== who) return false
    this.owners.set(clientId, who)
    this.departed.delete(clientId)
    return true
  }

  /** The client's state left the room (its socket closed, or it timed out). */
  left(clientId: number): void {
    this.departed.delete(clientId)
    this.departed.set(clientId, this.now())
  }

  /** The clientID is present again (e.g. a state relayed from another instance). */
  present(clientId: number): void {
    this.departed.delete(clientId)
  }

  /** Forgets clientIDs departed too long ago, or beyond the cap; returns them so the room drops their clocks too. */
  sweep(): number[] {
    const cutoff = this.now() - (this.options.forgetAfterMs ?? FORGET_DEPARTED_AFTER_MS)
    const max = this.options.maxDeparted ?? MAX_DEPARTED_CLIENTS
    const forgotten: number[] = []
    for (const [clientId, leftAt] of this.departed) {
      if (leftAt > cutoff && this.departed.size <= max) break
      this.departed.delete(clientId)
      this.owners.delete(clientId)
      forgotten.push(clientId)
    }
    return forgotten
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}
