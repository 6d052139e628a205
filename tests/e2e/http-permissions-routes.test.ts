import { describe, expect, test } from 'vitest'
import {
  anonymous,
  baseURL,
  EVIL,
  mapId,
  owner,
  permissionsTarget,
  stranger,
  tokenRole,
  viewer,
} from './support/permissions'

/**
 * [PH1]–[PH3] [PP1] [PN4] [PM1] [PF1] [PR9]: the API routes (token, export,
 * import, the teachers' settings, sources) and the benchmark-only pages,
 * called by people without the right role (setup and method:
 * tests/e2e/support/permissions.ts).
 */
permissionsTarget()

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
