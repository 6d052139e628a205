import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  freshRequests,
  sameTransform,
  transformFor,
  viewOf,
  type RequestingPeer,
  type SeenRequests,
} from '@/core/presence/follow'

const peer = (clientId: number, r: Partial<RequestingPeer> = {}): RequestingPeer => ({ clientId, isMe: false, ...r })

describe('following a view', () => {
  test('a shared view shows the same centre and zoom on a screen of any size', () => {
    const finite = fc.double({ min: -1e5, max: 1e5, noNaN: true })
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 200, max: 3000 }),
        (x, y, zoom, w1, h1, w2, h2) => {
          const leader = { x, y, zoom }
          const view = viewOf(leader, { width: w1, height: h1 })
          const mine = transformFor(view, { width: w2, height: h2 })
          expect(mine.zoom).toBe(zoom)
          const back = viewOf(mine, { width: w2, height: h2 })
          expect(back.x).toBeCloseTo(view.x, 6)
          expect(back.y).toBeCloseTo(view.y, 6)
          expect(sameTransform(transformFor(back, { width: w1, height: h1 }), leader)).toBe(true)
        },
      ),
    )
  })
})

describe('requests to follow or look', () => {
  test('what was asked before a person was first seen is not for the newcomer; what they ask later is', () => {
    const seen: SeenRequests = new Map()
    const facilitator = peer(1, { summon: { at: 1000 }, spotlight: { id: 'thesis', at: 1000 } })
    expect(freshRequests([facilitator], seen)).toEqual({})
    expect(freshRequests([facilitator], seen)).toEqual({})
    const again = peer(1, { summon: { at: 2000 } })
    expect(freshRequests([again], seen).summon?.clientId).toBe(1)
    expect(freshRequests([again], seen)).toEqual({})
  })

  test('a new request counts by change, not by the clock: a facilitator whose clock runs behind is still followed', () => {
    const seen: SeenRequests = new Map()
    freshRequests([peer(1, { summon: { at: 5_000_000 } })], seen)
    expect(freshRequests([peer(1, { summon: { at: 10 } })], seen).summon?.clientId).toBe(1)
    const spot = freshRequests([peer(1, { summon: { at: 10 }, spotlight: { id: 'n-1', at: 3 } })], seen)
    expect(spot.summon).toBeUndefined()
    expect(spot.spotlight?.spotlight?.id).toBe('n-1')
  })

  test('one’s own requests and malformed ones are ignored', () => {
    const seen: SeenRequests = new Map()
    freshRequests([{ ...peer(7), isMe: true }, peer(8)], seen)
    const own = freshRequests([{ ...peer(7, { summon: { at: 1 } }), isMe: true }], seen)
    expect(own.summon).toBeUndefined()
    const bad = freshRequests([peer(8, { summon: { at: 'soon' } as never, spotlight: { at: 4 } as never })], seen)
    expect(bad).toEqual({})
  })
})
