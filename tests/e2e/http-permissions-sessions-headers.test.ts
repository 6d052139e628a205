import { describe, expect, test } from 'vitest'
import {
  anonymous,
  baseURL,
  browser,
  EVIL,
  mapId,
  owner,
  permissionsTarget,
  stranger,
  viewer,
} from './support/permissions'
import { signUp, type Account } from './support/securityPeople'

/**
 * [PH4] [PH5] [PH6]: the session cookie, the one error shape of every
 * refusal, and the security headers on pages and API responses (setup:
 * tests/e2e/support/permissions.ts).
 */
permissionsTarget()

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
