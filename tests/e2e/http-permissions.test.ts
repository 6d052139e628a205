import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { launchBrowser } from './support/browser'
import { actionId, callAction, createMap, postFormAction, signUp, type Account } from './support/securityPeople'

/**
 * [PH1]–[PH5] [PR9]: every HTTP entry point against the production build,
 * called by people without the right role. Refusals are checked by their
 * effect (the map is unchanged, seen through the owner's eyes), and each
 * kind of call has a control case where the right person succeeds the same
 * way, so a refusal cannot pass merely because the request was malformed.
 */
const baseURL = inject('baseURL')
const EVIL = 'https://evil.example'

let browser: Browser
let owner: Account
let viewer: Account
let stranger: Account
let mapId: string

beforeAll(async () => {
  browser = await launchBrowser()
  ;[owner, viewer, stranger] = await Promise.all([
    signUp(browser, baseURL),
    signUp(browser, baseURL),
    signUp(browser, baseURL),
  ])
  mapId = await createMap(owner, 'Permissions target')
  await grantViaJoinCode(owner, viewer, mapId, 'viewer')
})
afterAll(async () => {
  await browser?.close()
})

/** The owner makes a join code on the share page; the other person redeems it on /join. */
async function grantViaJoinCode(
  from: Account,
  to: Account,
  id: string,
  role: 'viewer' | 'commenter' | 'editor',
): Promise<void> {
  await from.page.goto(`/maps/${id}/share`)
  await from.page.getByLabel('Role granted').selectOption(role)
  const before = await from.page.getByTestId('join-code').count()
  await from.page.getByTestId('create-link').click()
  await from.page.getByTestId('join-code').nth(before).waitFor()
  const code = await from.page.getByTestId('join-code').last().innerText()
  await to.page.goto(`/join?code=${encodeURIComponent(code)}`)
  await to.page.getByLabel('Your name (shown to others)').fill(to.name)
  await Promise.all([
    to.page.waitForURL(`**/maps/${id}`),
    to.page.getByTestId('join-form').locator('button[type=submit]').click(),
  ])
}

/** The map as its owner sees it now (title and content), through the export route. */
async function ownerView(id = mapId): Promise<{ title: string }> {
  const res = await owner.request.get(`/api/maps/${id}/export?format=json`)
  expect(res.status()).toBe(200)
  return ((await res.json()) as { map: { title: string } }).map
}

async function tokenRole(who: Account, id = mapId): Promise<number | string> {
  const res = await who.request.get(`/api/maps/${id}/token`)
  return res.status() === 200 ? ((await res.json()) as { role: string }).role : res.status()
}

async function anonymous() {
  const context = await browser.newContext({ baseURL })
  return { context, request: context.request }
}

describe('GET /api/maps/<id>/token', () => {
  test('[PH2] anonymous callers get 401 in the one error shape', async () => {
    const { context, request } = await anonymous()
    const res = await request.get(`/api/maps/${mapId}/token`)
    expect(res.status()).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } })
    await context.close()
  })

  test('[PH2] a signed-in non-member of a private map gets 404 (existence is not revealed)', async () => {
    const res = await stranger.request.get(`/api/maps/${mapId}/token`)
    expect(res.status()).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    const missing = await stranger.request.get('/api/maps/mDoesNotExist/token')
    expect(missing.status()).toBe(404)
  })

  test('[PH2] a viewer gets a token with role viewer; the owner gets owner', async () => {
    const res = await viewer.request.get(`/api/maps/${mapId}/token`)
    expect(res.status()).toBe(200)
    const body = (await res.json()) as { token: string; role: string; user: { name: string }; expiresIn: number }
    expect(body.role).toBe('viewer')
    expect(body.user.name).toBe(viewer.name)
    expect(body.expiresIn).toBe(120)
    expect(body.token.split('.')).toHaveLength(3)
    expect(await tokenRole(owner)).toBe('owner')
  })

  test('[PH2] a forged or foreign session cookie counts as anonymous: 401', async () => {
    const { context, request } = await anonymous()
    // Shaped like a real session token (32 random bytes, base64url), but never issued.
    await context.addCookies([{ name: 'crux_session', value: 'A'.repeat(43), url: baseURL }])
    expect((await request.get(`/api/maps/${mapId}/token`)).status()).toBe(401)
    await context.clearCookies()
    await context.addCookies([{ name: 'crux_session', value: 'x'.repeat(3000), url: baseURL }])
    expect((await request.get(`/api/maps/${mapId}/token`)).status()).toBe(401)
    await context.close()
  })

  test('[PH1] a malformed map id is a 400 before any lookup', async () => {
    const res = await owner.request.get(`/api/maps/${encodeURIComponent('bad id!')}/token`)
    expect(res.status()).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_params')
  })
})

describe('GET /api/maps/<id>/export', () => {
  test('[PH2] anonymous 401, non-member 404, viewer 200', async () => {
    const { context, request } = await anonymous()
    expect((await request.get(`/api/maps/${mapId}/export?format=json`)).status()).toBe(401)
    await context.close()
    expect((await stranger.request.get(`/api/maps/${mapId}/export?format=json`)).status()).toBe(404)
    const ok = await viewer.request.get(`/api/maps/${mapId}/export?format=json`)
    expect(ok.status()).toBe(200)
    expect(ok.headers()['cache-control']).toContain('no-store')
  })

  test('[PH1] an unknown format is a 400 in the error shape', async () => {
    const res = await viewer.request.get(`/api/maps/${mapId}/export?format=exe`)
    expect(res.status()).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_format')
  })
})

describe('POST /api/maps/import', () => {
  const body = { format: 'argdown', text: '[Claim]: Imported for the permission test.', title: 'Imported by test' }

  test('[PH2] anonymous callers get 401 and nothing is created', async () => {
    const { context, request } = await anonymous()
    const res = await request.post('/api/maps/import', { data: body, headers: { origin: baseURL } })
    expect(res.status()).toBe(401)
    await context.close()
  })

  test('[PH3] a foreign or missing Origin is refused with 403 even for a signed-in account', async () => {
    const evil = await owner.request.post('/api/maps/import', { data: body, headers: { origin: EVIL } })
    expect(evil.status()).toBe(403)
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe('bad_origin')
    const none = await owner.request.post('/api/maps/import', { data: body })
    expect(none.status()).toBe(403)
  })

  test('[PH1] an invalid body is a 400 listing the issue; the control import from this origin succeeds', async () => {
    const bad = await owner.request.post('/api/maps/import', {
      data: { format: 'exe', text: 1 },
      headers: { origin: baseURL },
    })
    expect(bad.status()).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_body')
    const notJson = await owner.request.post('/api/maps/import', {
      data: '{not json',
      headers: { origin: baseURL, 'content-type': 'application/json' },
    })
    expect(notJson.status()).toBe(400)
    const ok = await owner.request.post('/api/maps/import', { data: body, headers: { origin: baseURL } })
    expect(ok.status()).toBe(200)
    const { id } = (await ok.json()) as { id: string }
    expect(await tokenRole(owner, id)).toBe('owner')
  })
})

describe('PUT /api/maps/<id>/phase, /anonymity, /review and POST /feedback (teachers only)', () => {
  const calls: Array<[string, 'put' | 'post', unknown]> = [
    ['phase', 'put', { phase: 'Open' }],
    ['anonymity', 'put', { anonymous: true }],
    ['review', 'put', { review: true }],
    ['feedback', 'post', { nodeId: 'no-such-node', body: 'hello', private: true }],
  ]
  test('[PP1] [PN4] [PM1] [PF1] [PR9] a viewer gets 403 and a stranger 404, in the one error shape; the settings are unchanged', async () => {
    for (const [what, method, data] of calls) {
      const v = await viewer.request[method](`/api/maps/${mapId}/${what}`, { data, headers: { origin: baseURL } })
      expect(v.status(), what).toBe(403)
      expect(((await v.json()) as { error: { code: string } }).error.code).toBe('forbidden')
      expect(
        (await stranger.request[method](`/api/maps/${mapId}/${what}`, { data, headers: { origin: baseURL } })).status(),
        what,
      ).toBe(404)
    }
    const session = (await (await owner.request.get(`/api/maps/${mapId}/token`)).json()) as {
      phase: unknown
      anonymous: boolean
      reviewMode: boolean
    }
    expect(session).toMatchObject({ phase: null, anonymous: false, reviewMode: false })
  })

  test('[PH3] [PH1] a foreign Origin is refused with 403 and a malformed body with 400; the control: the owner switches them and back', async () => {
    expect(
      (
        await owner.request.put(`/api/maps/${mapId}/phase`, { data: { phase: 'Open' }, headers: { origin: EVIL } })
      ).status(),
    ).toBe(403)
    expect(
      (
        await owner.request.put(`/api/maps/${mapId}/anonymity`, {
          data: { anonymous: 'yes' },
          headers: { origin: baseURL },
        })
      ).status(),
    ).toBe(400)
    expect(
      (
        await owner.request.put(`/api/maps/${mapId}/phase`, { data: { phase: 'Nope' }, headers: { origin: baseURL } })
      ).status(),
    ).toBe(400)
    for (const [what, , data] of calls.slice(0, 3))
      expect(
        (await owner.request.put(`/api/maps/${mapId}/${what}`, { data, headers: { origin: baseURL } })).status(),
        what,
      ).toBe(200)
    expect(await (await owner.request.get(`/api/maps/${mapId}/token`)).json()).toMatchObject({
      phase: { name: 'Open' },
      anonymous: true,
      reviewMode: true,
    })
    await owner.request.put(`/api/maps/${mapId}/phase`, { data: { phase: null }, headers: { origin: baseURL } })
    await owner.request.put(`/api/maps/${mapId}/anonymity`, {
      data: { anonymous: false },
      headers: { origin: baseURL },
    })
    await owner.request.put(`/api/maps/${mapId}/review`, { data: { review: false }, headers: { origin: baseURL } })
  })
})

describe('GET /api/sources and /api/sources/<id> (public by design)', () => {
  test('[PH2] the article list and an article are readable without signing in', async () => {
    const { context, request } = await anonymous()
    const list = await request.get('/api/sources')
    expect(list.status()).toBe(200)
    const { sources } = (await list.json()) as { sources: Array<{ id: string }> }
    expect(sources.length).toBeGreaterThan(0)
    const one = await request.get(`/api/sources/${sources[0]!.id}`)
    expect(one.status()).toBe(200)
    expect(((await one.json()) as { meta: { sha256: string } }).meta.sha256).toMatch(/^[0-9a-f]{64}$/)
    await context.close()
  })

  test('[PH1] ids that are not plain slugs are refused with 400: no path traversal', async () => {
    for (const id of ['..%2F..%2Fpackage.json', '%2e%2e%2f%2e%2e%2fpackage', 'UPPER', 'a%00b', 'x'.repeat(65)]) {
      const res = await stranger.request.get(`/api/sources/${id}`)
      expect(res.status(), id).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code, id).toBe('bad_params')
    }
    const missing = await stranger.request.get('/api/sources/no-such-article')
    expect(missing.status()).toBe(404)
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'No such source' } })
  })

  test('[PH3] read-only routes accept no writes', async () => {
    const res = await owner.request.post('/api/sources', { data: {}, headers: { origin: baseURL } })
    expect(res.status()).toBe(405)
  })
})

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

describe('sessions and error shapes', () => {
  test('[PH6] the session cookie is httpOnly, SameSite=Lax and lasts 30 days; behind HTTPS it is Secure', async () => {
    const cookieOf = async (who: Account) => (await who.context.cookies()).find((c) => c.name === 'crux_session')
    const plain = await cookieOf(owner)
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' })
    const days = (plain!.expires * 1000 - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThanOrEqual(30)

    // A proxy terminating TLS says so in X-Forwarded-Proto; the cookie then never travels over plain HTTP.
    const behindTls = await signUp(browser, baseURL, undefined, { 'x-forwarded-proto': 'https' })
    expect(await cookieOf(behindTls)).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true })
    await behindTls.context.close()
  })

  test('[PH4] every refusal a route gives has the one shape { error: { code, message, issues? } } and its status', async () => {
    const { context, request } = await anonymous()
    const answers = [
      [401, await request.get(`/api/maps/${mapId}/token`)],
      [404, await stranger.request.get(`/api/maps/${mapId}/token`)],
      [400, await stranger.request.get('/api/sources/UPPER')],
      [403, await owner.request.post('/api/maps/import', { data: {}, headers: { origin: EVIL } })],
      [
        400,
        await owner.request.post('/api/maps/import', {
          data: '{not json',
          headers: { origin: baseURL, 'content-type': 'application/json' },
        }),
      ],
    ] as const
    for (const [status, res] of answers) {
      expect(res.status(), res.url()).toBe(status)
      const body = (await res.json()) as { error: Record<string, unknown> }
      expect(Object.keys(body), res.url()).toEqual(['error'])
      expect(
        Object.keys(body.error)
          .filter((k) => k !== 'issues')
          .sort(),
        res.url(),
      ).toEqual(['code', 'message'])
      expect(typeof body.error.code).toBe('string')
      expect(typeof body.error.message).toBe('string')
    }
    await context.close()
  })
})

describe('security headers', () => {
  test('[PH5] pages carry a nonce CSP (no inline scripts without it), DENY framing, nosniff and a referrer policy', async () => {
    const { context, request } = await anonymous()
    const first = await request.get('/')
    const second = await request.get('/')
    const html = await first.text()
    await context.close()
    const h = first.headers()
    const csp = h['content-security-policy']!
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("base-uri 'self'")
    expect(csp).toContain("form-action 'self'")
    expect(h['x-frame-options']).toBe('DENY')
    expect(h['x-content-type-options']).toBe('nosniff')
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin')
    // The nonce is fresh per response, and it is the one on the page's own scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    expect(/'nonce-([^']+)'/.exec(second.headers()['content-security-policy']!)![1]).not.toBe(nonce)
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  })

  test('[PH5] API responses carry the headers too, the token the sync process answers itself [SY11] included', async () => {
    for (const path of [`/api/maps/${mapId}/token`, `/api/maps/${mapId}/comments`]) {
      const res = await viewer.request.get(path)
      expect(res.status(), path).toBe(200)
      expect(res.headers()['x-content-type-options'], path).toBe('nosniff')
      expect(res.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
      expect(res.headers()['content-security-policy'], path).toMatch(/default-src '(self|none)'/)
    }
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

describe('benchmark-only pages', () => {
  test('the production app as npm start runs it does not serve /bench-flow or /bench-static', async () => {
    for (const route of ['/bench-flow', '/bench-static', '/bench-flow?map=x']) {
      const res = await fetch(`${baseURL}${route}`)
      expect(res.status, route).toBe(404)
    }
    // Control: the proxy lets ordinary pages through.
    expect((await fetch(`${baseURL}/`)).status).toBe(200)
  })
})
