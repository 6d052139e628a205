import { afterAll, beforeAll, expect, test } from 'vitest'
import { person, privateMap, startRealServer, type RealServer } from './security/realServer'

let srv: RealServer
beforeAll(async () => {
  srv = await startRealServer()
})
afterAll(() => srv.stop())

test('the join page learns what a valid code leads to, and nothing from an expired, revoked or made-up one', async () => {
  const { access, maps } = srv.services
  const owner = await person(srv.services)
  const mapId = await privateMap(srv.services, owner, [])
  await maps.rename(mapId, 'Year 9 debate: school uniforms')
  const live = await access.createShareLink(mapId, owner.id, { role: 'editor', expiresAt: null, group: 'Blue' })
  const soon = new Date(Date.now() + 60_000)
  const expiring = await access.createShareLink(mapId, owner.id, { role: 'viewer', expiresAt: soon, group: null })
  const revoked = await access.createShareLink(mapId, owner.id, { role: 'viewer', expiresAt: null, group: null })
  await access.revokeShareLink(mapId, revoked.id)

  expect(await access.previewCode(live.code)).toEqual({
    mapTitle: 'Year 9 debate: school uniforms',
    role: 'editor',
    group: 'Blue',
  })
  // Codes are typed by hand: the same normalisation as redeeming (case, spaces).
  expect(await access.previewCode(` ${live.code.toLowerCase()} `)).toMatchObject({ role: 'editor' })
  expect(await access.previewCode(expiring.code)).toMatchObject({ role: 'viewer' })
  expect(await access.previewCode(expiring.code, new Date(soon.getTime() + 1))).toBeNull()
  expect(await access.previewCode(revoked.code)).toBeNull()
  expect(await access.previewCode('NOSUCHCODE')).toBeNull()
  // Looking does not join.
  expect((await access.grant(mapId, owner.id)).role).toBe('owner')
  expect((await access.members(mapId)).map((m) => m.userId)).toEqual([owner.id])
})

test('[PR10] an owner adds an existing account by email; never a lower role; unknown emails are told in words', async () => {
  const { access, accounts } = srv.services
  const owner = await person(srv.services)
  const mapId = await privateMap(srv.services, owner, [])
  const email = `invited-${Date.now()}@example.test`
  const signed = await accounts.signUp({ email, password: 'correct horse battery staple', name: 'Invited Iris' })
  if (!signed.ok) throw new Error(signed.error)
  const iris = signed.user.id

  expect(await access.invite(mapId, email, 'commenter')).toEqual({ ok: true, name: 'Invited Iris' })
  expect((await access.grant(mapId, iris)).role).toBe('commenter')
  expect(await access.invite(mapId, email, 'viewer')).toMatchObject({
    ok: false,
    error: expect.stringMatching(/already a commenter/),
  })
  expect((await access.grant(mapId, iris)).role).toBe('commenter')
  expect(await access.invite(mapId, email, 'editor')).toMatchObject({ ok: true })
  expect((await access.grant(mapId, iris)).role).toBe('editor')

  expect(await access.invite(mapId, 'nobody@example.test', 'editor')).toMatchObject({
    ok: false,
    error: expect.stringMatching(/No account uses nobody@example.test/),
  })
  expect((await access.members(mapId)).map((m) => m.userId).sort()).toEqual([owner.id, iris].sort())
})
