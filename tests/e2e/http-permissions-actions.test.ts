import { describe, expect, test } from 'vitest'
import { baseURL, EVIL, mapId, owner, permissionsTarget, stranger, tokenRole, viewer } from './support/permissions'
import { actionId, callAction, createMap, postFormAction, type Account } from './support/securityPeople'

/**
 * [PR9] [PH1] [PH2] [PH3]: server actions (rename, delete, share, publish)
 * posted directly by people without the right role, and from a foreign
 * Origin (setup and method: tests/e2e/support/permissions.ts).
 */
permissionsTarget()

/** The map as its owner sees it now (title and content), through the export route. */
async function ownerView(id = mapId): Promise<{ title: string }> {
  const res = await owner.request.get(`/api/maps/${id}/export?format=json`)
  expect(res.status()).toBe(200)
  return ((await res.json()) as { map: { title: string } }).map
}

describe('server actions', () => {
  const rename = () => actionId('app/actions.ts', 'renameMapAction')
  const remove = () => actionId('app/actions.ts', 'deleteMapAction')
  const share = (name: string) => actionId('app/maps/[id]/share/actions.ts', name)

  test('[PR9] renaming and deleting as a viewer or a stranger change nothing; the owner can (control)', async () => {
    for (const who of [viewer, stranger]) {
      await callAction(who.request, '/', rename(), [{ mapId, title: 'Renamed by someone else' }], baseURL)
      await callAction(who.request, '/', remove(), [{ mapId }], baseURL)
    }
    expect((await ownerView()).title).toBe('Permissions target')

    const res = await callAction(
      owner.request,
      '/',
      rename(),
      [{ mapId, title: 'Permissions target (renamed by owner)' }],
      baseURL,
    )
    expect(res.status()).toBe(200)
    await expect.poll(async () => (await ownerView()).title).toBe('Permissions target (renamed by owner)')
  })

  test('[PH1] an action called with input of the wrong shape is refused by zod, not run', async () => {
    await callAction(owner.request, '/', rename(), [{ mapId, title: 'x'.repeat(500) }], baseURL)
    await callAction(owner.request, '/', rename(), [{ mapId: ['../x'], title: 'Array id' }], baseURL)
    await callAction(owner.request, '/', rename(), [mapId, 'Old positional form'], baseURL)
    expect((await ownerView()).title).toBe('Permissions target (renamed by owner)')
  })

  test('[PR9] the share page is a 404 for a viewer, and its actions posted directly change nothing', async () => {
    expect((await viewer.page.goto(`/maps/${mapId}/share`))!.status()).toBe(404)
    const path = `/maps/${mapId}/share`
    const viewerId = await userIdOf(viewer)
    await postFormAction(
      viewer.request,
      path,
      share('setRoleAction'),
      { mapId, userId: viewerId, role: 'owner' },
      baseURL,
    )
    await postFormAction(viewer.request, path, share('setPublicRoleAction'), { mapId, publicRole: 'editor' }, baseURL)
    await postFormAction(
      viewer.request,
      path,
      share('createLinkAction'),
      { mapId, role: 'editor', hours: '0' },
      baseURL,
    )
    await postFormAction(stranger.request, path, share('setPublicRoleAction'), { mapId, publicRole: 'editor' }, baseURL)
    expect(await tokenRole(viewer)).toBe('viewer')
    expect(await tokenRole(stranger)).toBe(404)
    await owner.page.goto(path)
    const codes = await owner.page.getByTestId('join-code').count()
    expect(codes).toBe(1) // only the one the owner made for the viewer
  })

  test('[PR9] the control: the owner posting the same form raises the public role', async () => {
    const other = await createMap(owner, 'Public role control')
    await postFormAction(
      owner.request,
      `/maps/${other}/share`,
      share('setPublicRoleAction'),
      { mapId: other, publicRole: 'viewer' },
      baseURL,
    )
    await expect.poll(() => tokenRole(stranger, other)).toBe('viewer')
  })

  test('[PR9] publishing as a viewer does nothing', async () => {
    const publish = actionId('app/maps/[id]/publish/actions.ts', 'publishAction')
    await postFormAction(viewer.request, `/maps/${mapId}/publish`, publish, { mapId }, baseURL)
    expect((await viewer.page.goto(`/maps/${mapId}/publish`))!.status()).toBe(404)
    await owner.page.goto(`/maps/${mapId}/publish`)
    await expect.poll(() => owner.page.getByRole('heading', { name: 'Not published yet' }).count()).toBe(1)
  })

  test("[PH3] an owner's action posted from a foreign Origin (CSRF) is refused by Next and changes nothing", async () => {
    const before = (await ownerView()).title
    const res = await callAction(owner.request, '/', rename(), [{ mapId, title: 'Renamed by a cross-site post' }], EVIL)
    expect(res.status()).toBeGreaterThanOrEqual(400)
    const other = await createMap(owner, 'CSRF public role target')
    await postFormAction(
      owner.request,
      `/maps/${other}/share`,
      share('setPublicRoleAction'),
      { mapId: other, publicRole: 'editor' },
      EVIL,
    )
    expect((await ownerView()).title).toBe(before)
    expect(await tokenRole(stranger, other)).toBe(404)
  })

  test('[PH2] a private map page is a 404 for a stranger', async () => {
    expect((await stranger.page.goto(`/maps/${mapId}`))!.status()).toBe(404)
  })
})

/** A member's user id as the owner's share page lists it. */
async function userIdOf(who: Account): Promise<string> {
  await owner.page.goto(`/maps/${mapId}/share`)
  const row = owner.page.getByTestId('members').locator('tr', { hasText: who.name })
  const id = await row.getAttribute('data-user-id')
  if (!id) throw new Error(`${who.name} is not listed as a member`)
  return id
}
