import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import {
  awarenessFrame,
  queryAwarenessFrame,
  syncStep1Frame,
  syncStep2Frame,
  updateFrame,
  updateOf,
} from '../../support/rawClient'

/**
 * Hostile frames for the sync fuzzer. Each value is a recipe that takes what
 * is only known at send time (the honest clients' clientIDs) and returns the
 * bytes. The families follow how real parsers break: random bytes, valid
 * frames cut short, lengths that promise more than the frame holds, unknown
 * types, updates that look right but are not, and awareness abuse.
 */
export interface FuzzContext {
  /** clientIDs of honest peers, to impersonate in awareness. */
  victims: number[]
}
export type FrameRecipe = { family: string; build(ctx: FuzzContext): Uint8Array }

const recipe = (family: string, build: (ctx: FuzzContext) => Uint8Array): FrameRecipe => ({ family, build })

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

// A few realistic frames to mutate: what an honest editor would send.
const sampleUpdate = updateOf((d) => {
  d.getMap('nodes').set(
    'n1',
    new Y.Map(Object.entries({ id: 'n1', kind: 'claim', text: 'hello', x: 1, y: 2, pinned: false })),
  )
}, 12345)
const validFrames = [
  syncStep1Frame(),
  updateFrame(sampleUpdate),
  syncStep2Frame(sampleUpdate),
  awarenessFrame([{ clientId: 777, clock: 1, state: '{"cursor":{"x":1,"y":2}}' }]),
  queryAwarenessFrame(),
]

const huge = fc.oneof(
  fc.constant(0xffffffff),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.integer({ min: 1 << 20, max: 2 ** 31 }),
)

const randomBytes = fc.uint8Array({ maxLength: 96 }).map((b) => recipe('random bytes', () => b))

const truncated = fc
  .tuple(fc.constantFrom(...validFrames), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([f, cut]) => recipe('truncated valid frame', () => f.slice(0, Math.floor(f.length * cut))))

const flipped = fc
  .tuple(
    fc.constantFrom(...validFrames),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
  )
  .map(([f, flips]) =>
    recipe('valid frame with flipped bytes', () => {
      const out = f.slice()
      for (const [at, value] of flips) out[at % out.length] = value
      return out
    }),
  )

const hugeLengths = fc
  .tuple(
    fc.constantFrom('sync-step1', 'sync-step2', 'update', 'awareness', 'awareness-count'),
    huge,
    fc.uint8Array({ maxLength: 16 }),
  )
  .map(([where, n, tail]) =>
    recipe('huge varint length', () =>
      bytes((e) => {
        if (where === 'awareness') {
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, n)
        } else if (where === 'awareness-count') {
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint8Array(
            e,
            bytes((inner) => encoding.writeVarUint(inner, n)),
          )
        } else {
          encoding.writeVarUint(e, 0)
          encoding.writeVarUint(e, where === 'sync-step1' ? 0 : where === 'sync-step2' ? 1 : 2)
          encoding.writeVarUint(e, n)
        }
        encoding.writeUint8Array(e, tail)
      }),
    ),
  )

const unknownType = fc
  .tuple(fc.integer({ min: 4, max: 2 ** 31 }), fc.uint8Array({ maxLength: 32 }))
  .map(([type, tail]) =>
    recipe('unknown message type', () =>
      bytes((e) => (encoding.writeVarUint(e, type), encoding.writeUint8Array(e, tail))),
    ),
  )

const unknownSyncStep = fc
  .tuple(fc.integer({ min: 3, max: 1000 }), fc.uint8Array({ maxLength: 32 }))
  .map(([step, payload]) =>
    recipe('unknown sync step', () =>
      bytes(
        (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, payload)),
      ),
    ),
  )

const garbageUpdates = fc
  .tuple(fc.constantFrom('update', 'step2', 'step1'), fc.uint8Array({ maxLength: 80 }))
  .map(([kind, payload]) =>
    recipe('well-framed garbage update', () =>
      kind === 'update'
        ? updateFrame(payload)
        : kind === 'step2'
          ? syncStep2Frame(payload)
          : bytes(
              (e) => (
                encoding.writeVarUint(e, 0),
                encoding.writeVarUint(e, 0),
                encoding.writeVarUint8Array(e, payload)
              ),
            ),
    ),
  )

const realisticWrites = fc
  .tuple(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 2 ** 31 }))
  .map(([text, clientID]) =>
    recipe('valid update (a write)', () =>
      updateFrame(updateOf((d) => d.getMap('nodes').set(`fz${clientID}`, new Y.Map([['text', text]])), clientID)),
    ),
  )

const jsonish = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    'null',
    '{',
    '[]',
    '"x"',
    '{"user":{"name":"Owner","color":"#000000"}}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
  ),
  fc.integer({ min: 4000, max: 20000 }).map((n) => JSON.stringify({ blob: 'x'.repeat(n) })),
)

const awarenessAbuse = fc
  .tuple(
    fc.array(
      fc.tuple(fc.oneof(fc.constant(-1), fc.nat(), fc.constant(0xffffffff)), fc.oneof(fc.nat(), huge), jsonish),
      { minLength: 0, maxLength: 4 },
    ),
  )
  .map(([entries]) =>
    recipe('awareness abuse', (ctx) =>
      // -1 stands for "an honest peer's clientID": impersonation attempts.
      awarenessFrame(
        entries.map(([id, clock, state], i) => ({
          clientId: id === -1 ? ctx.victims[i % ctx.victims.length]! : id,
          clock,
          state,
        })),
      ),
    ),
  )

export const hostileFrame: fc.Arbitrary<FrameRecipe> = fc.oneof(
  randomBytes,
  truncated,
  flipped,
  hugeLengths,
  unknownType,
  unknownSyncStep,
  garbageUpdates,
  realisticWrites,
  awarenessAbuse,
)
