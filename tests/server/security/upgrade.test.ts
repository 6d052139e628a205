import { SignJWT } from 'jose'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MAP_TOKEN_TTL_SECONDS } from '@/server/auth/mapTokens'
import { tryConnect, type UpgradeResult } from '../../support/rawClient'
import { person, privateMap, startRealServer, tokenFor, type Person, type RealServer } from './realServer'

/**
 * [PS1] [PS2] [PS3]: who gets through the websocket upgrade. Every refusal
 * must happen before the socket opens (an HTTP status, not a close code),
 * so a refused caller never receives a single byte of the map.
 */
let srv: RealServer
let owner: Person
let editor: Person
let outsider: Person
let mapId: string
let otherMapId: string

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Owner')
  editor = await person(srv.services, 'Editor')
  outsider = await person(srv.services, 'Outsider')
  mapId = await privateMap(srv.services, owner, [[editor, 'editor']])
  otherMapId = await privateMap(srv.services, editor)
})
afterAll(() => srv.stop())

function refused(result: UpgradeResult, status: number, reason: RegExp): void {
  if (result.ok) {
    result.client.close()
    throw new Error('the upgrade was accepted')
  }
  expect(result.status).toBe(status)
  expect(result.body).toMatch(reason)
}

describe('websocket upgrade', () => {
  test('[PS1] a valid token for this map from this origin gets in (the control case)', async () => {
    const result = await tryConnect(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, editor, mapId, 'editor'),
    })
    expect(result.ok).toBe(true)
    if (result.ok) result.client.close()
  })

  test('[PS8] an address that is not valid percent-encoding is refused, and the server serves on', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${srv.wsBase}/%E0%A4%A`, { headers: { origin: srv.origin } })
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => (ws.close(), reject(new Error('the upgrade was accepted'))))
      ws.on('error', () => {})
    })
    expect(status).toBe(400)
    // Control: the same server still lets the right person in.
    const after = await tryConnect(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, editor, mapId, 'editor'),
    })
    expect(after.ok).toBe(true)
    if (after.ok) after.client.close()
  })

  test('[PS1] no token is refused', async () => {
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin }), 401, /missing token/)
  })

  test('[PS1] an expired token is refused', async () => {
    const issued = Date.now() - (MAP_TOKEN_TTL_SECONDS + 5) * 1000
    const token = await tokenFor(srv.services, editor, mapId, 'editor', { now: issued })
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token }), 401, /expired/)
  })

  test('[PS1] a token signed with another key is refused', async () => {
    const token = await tokenFor(srv.services, editor, mapId, 'owner', {
      secret: new TextEncoder().encode('x'.repeat(48)),
    })
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token }), 401, /invalid token/)
  })

  test('[PS1] an unsigned (alg none) token is refused', async () => {
    const good = await tokenFor(srv.services, editor, mapId, 'owner')
    const [, payload] = good.split('.')
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    refused(
      await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token: `${header}.${payload}.` }),
      401,
      /invalid token/,
    )
  })

  test('[PS1] a token whose payload was edited after signing is refused', async () => {
    const good = await tokenFor(srv.services, editor, mapId, 'editor')
    const [header, payload, signature] = good.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'owner', sub: owner.id })).toString('base64url')
    refused(
      await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token: `${header}.${forged}.${signature}` }),
      401,
      /invalid token/,
    )
  })

  test('[PS1] a token with the right key but another audience is refused', async () => {
    const token = await new SignJWT({ map: mapId, role: 'editor', name: 'x', color: '#000000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(editor.id)
      .setAudience('some-other-service')
      .setExpirationTime('1m')
      .sign(srv.services.secret)
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token }), 401, /invalid token/)
  })

  test('[PS1] a valid token for another map is refused', async () => {
    const token = await tokenFor(srv.services, editor, otherMapId, 'owner')
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token }), 401, /another map/)
  })

  test('[PS1] garbage in the token parameter is refused', async () => {
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token: 'not.a.jwt' }), 401, /invalid token/)
  })

  test('[PS2] a missing Origin is refused even with a valid token', async () => {
    const token = await tokenFor(srv.services, editor, mapId, 'editor')
    refused(await tryConnect(srv.wsBase, mapId, { token }), 403, /origin/)
  })

  test('[PS2] a foreign Origin is refused even with a valid token', async () => {
    const token = await tokenFor(srv.services, editor, mapId, 'editor')
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1.evil.example',
      'null',
      `${srv.origin}.evil.example`,
    ]) {
      refused(await tryConnect(srv.wsBase, mapId, { origin, token }), 403, /origin/)
    }
  })

  test('[PS3] a validly signed token for someone with no role on the map is refused', async () => {
    const token = await tokenFor(srv.services, outsider, mapId, 'owner')
    refused(await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token }), 403, /no access/)
  })

  test('[PS3] a token for a map that does not exist is refused', async () => {
    const token = await tokenFor(srv.services, editor, 'mNoSuchMap', 'owner')
    refused(await tryConnect(srv.wsBase, 'mNoSuchMap', { origin: srv.origin, token }), 403, /no access/)
  })

  test('[PS1] a malformed map id in the path is refused before any token check', async () => {
    const token = await tokenFor(srv.services, editor, mapId, 'editor')
    refused(await tryConnect(srv.wsBase, '../etc/passwd', { origin: srv.origin, token }), 400, /bad map id/)
  })
})
