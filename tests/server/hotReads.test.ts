import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prismaHotReads, sqliteHotReads, type HotReads } from '@/server/db/hotReads'
import { freshSqliteDb } from '../../harness/db'

/**
 * [ST10] The connection path's reads on prepared statements return exactly what Prisma returns for the
 * same rows: booleans, nulls, dates and absent rows alike. Rows are written through Prisma, as the app does.
 */
let t: ReturnType<typeof freshSqliteDb>
let prisma: HotReads
let sqlite: HotReads
beforeAll(() => {
  t = freshSqliteDb()
  prisma = prismaHotReads(t.db)
  sqlite = sqliteHotReads(t.url, { busyTimeoutMs: 5 })
})
afterAll(async () => {
  sqlite.close()
  await t.dispose()
})

const text = fc.option(fc.string({ maxLength: 20 }), { nil: null })
let n = 0

describe('[ST10] hot reads: prepared statements and Prisma agree', () => {
  test('a map’s access switches and a membership, for any values they can hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          publicRole: fc.constantFrom('none', 'viewer', 'commenter', 'editor'),
          ownWork: fc.constantFrom('off', 'code', 'editors'),
          phase: text,
          phaseSet: text,
          anonymous: fc.boolean(),
          review: fc.boolean(),
        }),
        fc.record({ role: fc.constantFrom('viewer', 'editor', 'owner'), group: text, viaLink: text, viaClass: text }),
        async (map, member) => {
          const id = `hot-map-${++n}`
          const userId = `hot-user-${n}`
          await t.db.map.create({ data: { id, title: id, ...map } })
          await t.db.user.create({ data: { id: userId, name: `Person ${n}` } })
          await t.db.membership.create({ data: { mapId: id, userId, ...member } })
          expect(await sqlite.mapAccess(id)).toEqual(await prisma.mapAccess(id))
          expect(await sqlite.mapAccess(id)).toEqual(map)
          expect(await sqlite.membership(id, userId)).toEqual(await prisma.membership(id, userId))
          expect(await sqlite.membership(id, userId)).toEqual(member)
        },
      ),
      { numRuns: 40 },
    )
  })

  test('a session with its person, and the rows that are not there', async () => {
    const expiresAt = new Date('2027-01-31T12:34:56.789Z')
    await t.db.user.create({
      data: {
        id: 'hot-guest',
        name: 'A guest',
        isGuest: true,
        email: null,
        sessions: { create: { id: 'digest-1', expiresAt } },
      },
    })
    await t.db.user.create({
      data: {
        id: 'hot-account',
        name: 'An account',
        email: 'a@example.test',
        sessions: { create: { id: 'digest-2', expiresAt } },
      },
    })
    for (const id of ['digest-1', 'digest-2']) expect(await sqlite.session(id)).toEqual(await prisma.session(id))
    expect(await sqlite.session('digest-1')).toEqual({
      expiresAt,
      user: { id: 'hot-guest', name: 'A guest', email: null, isGuest: true },
    })
    expect(await sqlite.session('digest-2')).toMatchObject({ user: { isGuest: false, email: 'a@example.test' } })
    expect(await sqlite.session('no-such-digest')).toBeNull()
    expect(await prisma.session('no-such-digest')).toBeNull()
    expect(await sqlite.mapAccess('no-such-map')).toBeNull()
    expect(await sqlite.hasCheckpoint('hot-fresh-none')).toBe(false)
    expect(await sqlite.membership('no-such-map', 'hot-guest')).toBeNull()
  })

  test('a write through Prisma is seen by the next read at once (the role now in the database, [PS3])', async () => {
    await t.db.map.create({ data: { id: 'hot-fresh', title: 'fresh', publicRole: 'viewer' } })
    expect((await sqlite.mapAccess('hot-fresh'))?.publicRole).toBe('viewer')
    await t.db.map.update({ where: { id: 'hot-fresh' }, data: { publicRole: 'none', review: true } })
    expect(await sqlite.mapAccess('hot-fresh')).toMatchObject({ publicRole: 'none', review: true })
  })

  test('whether a map has a checkpoint, as Prisma counts it', async () => {
    await t.db.map.create({ data: { id: 'hot-history', title: 'history' } })
    expect(await sqlite.hasCheckpoint('hot-history')).toBe(false)
    expect(await prisma.hasCheckpoint('hot-history')).toBe(false)
    await t.db.checkpoint.create({
      data: {
        id: 'cp-1',
        mapId: 'hot-history',
        seq: 1,
        kind: 'auto',
        data: Buffer.from([0]),
        stateVector: Buffer.from([0]),
      },
    })
    expect(await sqlite.hasCheckpoint('hot-history')).toBe(true)
    expect(await prisma.hasCheckpoint('hot-history')).toBe(true)
  })
})
