import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PUBLIC_ROLES, ROLES, can, effectiveRole, rank, type Action, type Role } from '@/core/permissions'
import { checkMapRole } from '@/server/auth/mapRole'
import { person, privateMap, startRealServer, type RealServer } from './realServer'

/** [PR2]–[PR8] on the real access service (SQLite): the rules the socket and HTTP checks build on. */
let srv: RealServer
beforeAll(async () => {
  srv = await startRealServer()
})
afterAll(() => srv.stop())

const ACTIONS: Action[] = ['view', 'comment', 'edit', 'manage']
const NEEDS: Record<Action, Role> = { view: 'viewer', comment: 'commenter', edit: 'editor', manage: 'owner' }

describe('roles (pure)', () => {
  test('[PR1] roles are totally ordered viewer < commenter < editor < owner, and each allows all the weaker one does', () => {
    expect(ROLES).toEqual(['viewer', 'commenter', 'editor', 'owner'])
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), fc.constantFrom(...ACTIONS), (a, b, action) => {
        expect(rank(a) < rank(b) || rank(a) > rank(b) || a === b).toBe(true)
        if (rank(a) <= rank(b) && can(a, action)) expect(can(b, action)).toBe(true)
      }),
    )
  })

  test('[PR2] a role allows exactly the actions whose needed role it reaches; no role allows nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ACTIONS), (role, action) => {
        expect(can(role, action)).toBe(ROLES.indexOf(role) >= ROLES.indexOf(NEEDS[action]))
        expect(can(null, action)).toBe(false)
      }),
    )
  })

  test('[PR3] [PR4] the effective role is the stronger grant, never owner from the public role alone', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...ROLES), { nil: null }),
        fc.constantFrom(...PUBLIC_ROLES),
        (member, pub) => {
          const role = effectiveRole(member, pub)
          expect(rank(role)).toBe(Math.max(rank(member), pub === 'none' ? -1 : rank(pub)))
          if (!member) expect(role).not.toBe('owner')
        },
      ),
    )
  })
})

describe('grants in the database', () => {
  test('[PR5] a code grants its role and team, never lowers an existing role; expired and revoked codes fail', async () => {
    const { access } = srv.services
    const owner = await person(srv.services)
    const a = await person(srv.services)
    const mapId = await privateMap(srv.services, owner, [[a, 'editor']])
    const viewerCode = await access.createShareLink(mapId, owner.id, {
      role: 'viewer',
      expiresAt: null,
      group: 'Team A',
    })
    expect(await access.redeem(viewerCode.code, a.id)).toEqual({ ok: true, mapId })
    expect((await access.grant(mapId, a.id)).role).toBe('editor')

    const b = await person(srv.services)
    expect(await access.redeem(viewerCode.code.toLowerCase().replace('-', ' '), b.id)).toEqual({ ok: true, mapId })
    expect(await access.grant(mapId, b.id)).toEqual({
      role: 'viewer',
      group: 'Team A',
      ownWork: false,
      phase: null,
      pseudonym: null,
      review: false,
      classroom: '',
    })

    const expired = await access.createShareLink(mapId, owner.id, {
      role: 'editor',
      expiresAt: new Date(Date.now() - 1000),
      group: null,
    })
    const c = await person(srv.services)
    expect((await access.redeem(expired.code, c.id)).ok).toBe(false)
    const revoked = await access.createShareLink(mapId, owner.id, { role: 'editor', expiresAt: null, group: null })
    await access.revokeShareLink(mapId, revoked.id)
    expect((await access.redeem(revoked.code, c.id)).ok).toBe(false)
    expect((await access.grant(mapId, c.id)).role).toBe(null)
  })

  test('[PR6] revoking a code removes the memberships it granted, but not ones changed since', async () => {
    const { access } = srv.services
    const owner = await person(srv.services)
    const [x, y] = [await person(srv.services), await person(srv.services)]
    const mapId = await privateMap(srv.services, owner)
    const link = await access.createShareLink(mapId, owner.id, { role: 'editor', expiresAt: null, group: null })
    await access.redeem(link.code, x.id)
    await access.redeem(link.code, y.id)
    await access.setRole(mapId, y.id, 'commenter')
    expect(await access.revokeShareLink(mapId, link.id)).toBe(true)
    expect((await access.grant(mapId, x.id)).role).toBe(null)
    expect((await access.grant(mapId, y.id)).role).toBe('commenter')
  })

  test('[PR7] the last owner can be neither demoted nor removed; with two owners, one can go', async () => {
    const { access } = srv.services
    const owner = await person(srv.services)
    const mapId = await privateMap(srv.services, owner)
    expect((await access.setRole(mapId, owner.id, 'editor')).ok).toBe(false)
    expect((await access.removeMember(mapId, owner.id)).ok).toBe(false)
    expect((await access.grant(mapId, owner.id)).role).toBe('owner')
    const second = await person(srv.services)
    const other = await privateMap(srv.services, owner, [[second, 'owner']])
    expect(await access.setRole(other, owner.id, 'viewer')).toEqual({ ok: true })
    expect((await access.setRole(other, second.id, 'viewer')).ok).toBe(false)
  })

  test('[PR8] the map list holds own and public maps only', async () => {
    const { maps } = srv.services
    const owner = await person(srv.services)
    const outsider = await person(srv.services)
    const mine = await privateMap(srv.services, owner)
    const open = await maps.create({ title: 'Open to all', ownerId: owner.id, publicRole: 'viewer' })
    const ids = (await maps.listFor(outsider.id)).map((m) => m.id)
    expect(ids).toContain(open.id)
    expect(ids).not.toContain(mine)
    expect((await maps.listFor(owner.id)).map((m) => m.id)).toEqual(expect.arrayContaining([mine, open.id]))
    expect((await maps.listFor(null)).map((m) => m.id)).not.toContain(mine)
  })

  test('[PH2] checkMapRole, the one permission path: no role is 401 signed out and 404 signed in; a weak role is refused in words', async () => {
    const { access } = srv.services
    const owner = await person(srv.services)
    const member = await person(srv.services)
    const stranger = await person(srv.services)
    const mapId = await privateMap(srv.services, owner, [[member, 'commenter']])

    expect(await checkMapRole(access, mapId, null, 'view')).toMatchObject({ ok: false, refusal: 'unauthenticated' })
    expect(await checkMapRole(access, mapId, stranger.id, 'view')).toEqual({
      ok: false,
      refusal: 'not_found',
      message: 'No such map',
    })
    expect(await checkMapRole(access, 'mNoSuchMap', owner.id, 'view')).toEqual({
      ok: false,
      refusal: 'not_found',
      message: 'No such map',
    })
    expect(await checkMapRole(access, mapId, member.id, 'edit')).toEqual({
      ok: false,
      refusal: 'forbidden',
      message: 'Your role (commenter) cannot edit this map',
    })
    // The control: the same path says yes to the right person, with the grant it read.
    expect(await checkMapRole(access, mapId, member.id, 'comment')).toMatchObject({ ok: true, role: 'commenter' })
    expect(await checkMapRole(access, mapId, owner.id, 'manage')).toMatchObject({ ok: true, role: 'owner' })
  })
})
