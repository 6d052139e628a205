import { createHmac } from 'node:crypto'
import { jwtVerify } from 'jose'
import { z } from 'zod'
import { RoleSchema } from '../../core/permissions'

/**
 * Short-lived tokens that admit one person to one map's websocket with one
 * role. The page asks for one over HTTP (cookie-authenticated) before it
 * connects; clients that cannot send our session cookie on the upgrade (a
 * socket to another origin, scripts) need one. A browser on our own origin
 * reconnects with its cookie once the token has expired (socketAuth.ts).
 */
export const MAP_TOKEN_TTL_SECONDS = 120
const AUDIENCE = 'crux:map-socket'

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  map: z.string().min(1),
  role: RoleSchema,
  name: z.string().max(200),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  group: z.string().max(200).optional(),
})
export type MapTokenClaims = z.infer<typeof ClaimsSchema>

/**
 * The secret imported once as an HMAC key for jose's verification. Given raw bytes, jose imports them anew
 * for every token, which profiles showed as a third of a millisecond per token when a class connected at once.
 */
const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>()
function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ])
    keys.set(secret, key)
  }
  return key
}

/**
 * Tokens this process signed, per secret, with their claims and expiry. The socket upgrade that follows a
 * token request finds its token here and is spared a second HMAC: a string this process produced with this
 * secret cannot be a forgery. The oldest are forgotten first; a forgotten token is verified as usual.
 */
const MINTED_KEPT = 20_000
const minted = new WeakMap<Uint8Array, Map<string, { claims: MapTokenClaims; exp: number }>>()

function remember(secret: Uint8Array, token: string, claims: MapTokenClaims, exp: number): void {
  let bySecret = minted.get(secret)
  if (!bySecret) minted.set(secret, (bySecret = new Map()))
  bySecret.set(token, { claims, exp })
  if (bySecret.size > MINTED_KEPT) bySecret.delete(bySecret.keys().next().value!)
}

/**
 * An HS256 compact JWS, signed with node's HMAC. jose signs through WebCrypto, one job on the thread pool per
 * token: in a profile of 1,500 people connecting at once that was half a millisecond of the event loop each,
 * the largest cost of a connect. Verification stays with jose (`jwtVerify` below), which accepts these tokens
 * like its own (tests/server/security/mapTokens.test.ts).
 */
export async function signMapToken(secret: Uint8Array, claims: MapTokenClaims, now = Date.now()): Promise<string> {
  const { sub, ...rest } = claims
  const iat = Math.floor(now / 1000)
  const exp = iat + MAP_TOKEN_TTL_SECONDS
  const payload = Buffer.from(JSON.stringify({ ...rest, sub, aud: AUDIENCE, iat, exp })).toString('base64url')
  const signingInput = `${JWS_HEADER}.${payload}`
  const token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`
  remember(secret, token, claims, exp)
  return token
}

const JWS_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url')

export type TokenCheck = { ok: true; claims: MapTokenClaims } | { ok: false; reason: string }

/** [PS1] Valid signature, not expired, for this map, well-formed claims. */
export async function verifyMapToken(
  secret: Uint8Array,
  token: string,
  mapId: string,
  now = Date.now(),
): Promise<TokenCheck> {
  const known = minted.get(secret)?.get(token)
  // jose's rule for `exp`, without the HMAC: expired once the clock's second reaches it.
  if (known)
    return known.exp <= Math.floor(now / 1000) ? { ok: false, reason: 'token expired' } : checked(known.claims, mapId)
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(now),
    })
    return checked(payload, mapId)
  } catch (err) {
    const code = (err as { code?: string }).code
    return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'invalid token' }
  }
}

function checked(payload: unknown, mapId: string): TokenCheck {
  const claims = ClaimsSchema.safeParse(payload)
  if (!claims.success) return { ok: false, reason: 'malformed token' }
  if (claims.data.map !== mapId) return { ok: false, reason: 'token is for another map' }
  return { ok: true, claims: claims.data }
}
