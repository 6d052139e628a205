import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, test } from 'vitest'
import { MAP_TOKEN_TTL_SECONDS, signMapToken, verifyMapToken } from '@/server/auth/mapTokens'

/**
 * [PS1] Map tokens: a token this process minted is recognised without a second HMAC, and that shortcut
 * accepts exactly what the full check accepts: never another secret's token, a tampered one, one for
 * another map, or one past its expiry, to the second as jose counts it.
 */
const secret = new TextEncoder().encode('map-token-test-secret-long-enough-for-hs256')
const other = new TextEncoder().encode('another-secret-entirely-long-enough-for-hs256')
const claims = { sub: 'u1', map: 'map-1', role: 'editor' as const, name: 'Ann', color: '#336699' }
const t0 = Date.parse('2026-12-01T10:00:00.250Z')

describe('[PS1] map tokens', () => {
  test('a minted token is valid for its map, and only its map', async () => {
    const token = await signMapToken(secret, claims, t0)
    expect(await verifyMapToken(secret, token, 'map-1', t0)).toEqual({ ok: true, claims })
    expect(await verifyMapToken(secret, token, 'map-2', t0)).toEqual({ ok: false, reason: 'token is for another map' })
  })

  test('jose accepts what we sign, with exactly our claims; we accept what jose signs', async () => {
    const token = await signMapToken(secret, { ...claims, group: 'Red' }, t0)
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256' })
    const { payload } = await jwtVerify(token, secret, {
      audience: 'crux:map-socket',
      algorithms: ['HS256'],
      currentDate: new Date(t0),
    })
    const iat = Math.floor(t0 / 1000)
    expect(payload).toEqual({ ...claims, group: 'Red', aud: 'crux:map-socket', iat, exp: iat + MAP_TOKEN_TTL_SECONDS })
    // A token this process did not mint takes jose's full check.
    const { sub, ...rest } = claims
    const fromJose = await new SignJWT(rest)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setAudience('crux:map-socket')
      .setExpirationTime(iat + 60)
      .sign(secret)
    expect(await verifyMapToken(secret, fromJose, 'map-1', t0)).toEqual({ ok: true, claims })
    const wrongAudience = await new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).sign(secret)
    expect(await verifyMapToken(secret, wrongAudience, 'map-1', t0)).toEqual({ ok: false, reason: 'invalid token' })
  })

  test('another secret, or one changed character, is refused although this process minted the original', async () => {
    const token = await signMapToken(secret, claims, t0)
    expect(await verifyMapToken(other, token, 'map-1', t0)).toEqual({ ok: false, reason: 'invalid token' })
    const [head, body, sig] = token.split('.') as [string, string, string]
    const flipped = `${head}.${body}.${sig.slice(0, -2)}${sig.at(-2) === 'A' ? 'B' : 'A'}${sig.at(-1)}`
    expect(await verifyMapToken(secret, flipped, 'map-1', t0)).toEqual({ ok: false, reason: 'invalid token' })
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, role: 'owner', aud: 'crux:map-socket' })).toString(
      'base64url',
    )
    expect(await verifyMapToken(secret, `${head}.${forgedBody}.${sig}`, 'map-1', t0)).toMatchObject({ ok: false })
  })

  test("expiry on the shortcut is jose's to the second: valid one second before, expired at the second", async () => {
    const token = await signMapToken(secret, claims, t0)
    const expSecond = Math.floor(t0 / 1000) + MAP_TOKEN_TTL_SECONDS
    for (const at of [expSecond * 1000 - 1, expSecond * 1000, expSecond * 1000 + 999]) {
      const full = await jwtVerify(token, secret, { currentDate: new Date(at), audience: 'crux:map-socket' }).then(
        () => 'valid',
        () => 'expired',
      )
      const ours = await verifyMapToken(secret, token, 'map-1', at)
      expect(ours.ok ? 'valid' : 'expired', `at ${at}`).toBe(full)
    }
    expect(await verifyMapToken(secret, token, 'map-1', expSecond * 1000)).toEqual({
      ok: false,
      reason: 'token expired',
    })
  })
})
