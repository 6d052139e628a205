import { describe, expect, test } from 'vitest'
import { ClientOwners } from '@/server/sync/clientOwners'

/** [PS5] [PB5] A clientID stays reserved while its owner is away for a while, and is forgotten after. */
describe('ClientOwners', () => {
  test('[PS5] a clientID belongs to whoever announced it first, also while its client is away', () => {
    let now = 0
    const owners = new ClientOwners({ forgetAfterMs: 60_000, now: () => now })
    expect(owners.claim(7, 'alice')).toBe(true)
    expect(owners.claim(7, 'mallory')).toBe(false)
    owners.left(7)
    now += 59_000
    expect(owners.sweep()).toEqual([])
    expect(owners.claim(7, 'mallory')).toBe(false)
    // Alice comes back: her reservation starts over when she leaves next.
    expect(owners.claim(7, 'alice')).toBe(true)
    now += 120_000
    expect(owners.sweep()).toEqual([])
    expect(owners.ownerOf(7)).toBe('alice')
  })

  test('[PB5] a departed clientID is forgotten after the window, then anyone may announce it', () => {
    let now = 0
    const owners = new ClientOwners({ forgetAfterMs: 60_000, now: () => now })
    owners.claim(7, 'alice')
    owners.claim(8, 'bob')
    owners.left(7)
    now += 60_001
    expect(owners.sweep()).toEqual([7])
    expect(owners.remembered).toBe(1)
    expect(owners.claim(7, 'carol')).toBe(true)
  })

  test('[PB5] however many clients come and go, at most maxDeparted are remembered; present ones never go', () => {
    const owners = new ClientOwners({ maxDeparted: 100, now: () => 0 })
    owners.claim(1, 'teacher')
    for (let id = 2; id < 10_002; id++) {
      owners.claim(id, `guest ${id}`)
      owners.left(id)
      owners.sweep()
    }
    expect(owners.remembered).toBe(101)
    expect(owners.ownerOf(1)).toBe('teacher')
    expect(owners.ownerOf(10_001)).toBe('guest 10001')
    expect(owners.ownerOf(2)).toBeUndefined()
  })
})
