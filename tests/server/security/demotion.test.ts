import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { addNode, localOrigin, readGraph } from '@/core/ydoc'
import { connectRaw, handshake, tryConnect, updateFrame, updateOf } from '../../support/rawClient'
import { eventually } from '../../../harness/syncHarness'
import {
  converged,
  honestClient,
  person,
  privateMap,
  serverDoc,
  startRealServer,
  tokenFor,
  type Person,
  type RealServer,
} from './realServer'
import { claim } from '../../support/graph'

/**
 * [PS9] Role changes reach live sockets at once: a demoted editor's writes
 * stop before the reconnect, the old token grants nothing more than the new
 * role, and a removed member is shut out for good.
 */
const me = localOrigin()

let srv: RealServer
let owner: Person
const cleanups: Array<() => unknown> = []

beforeAll(async () => {
  srv = await startRealServer()
  owner = await person(srv.services, 'Owner')
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
afterAll(() => srv.stop())

async function scene() {
  const editor = await person(srv.services, 'Soon demoted')
  const witness = await person(srv.services, 'Witness')
  const mapId = await privateMap(srv.services, owner, [
    [editor, 'editor'],
    [witness, 'editor'],
  ])
  const token = await tokenFor(srv.services, editor, mapId, 'editor')
  const raw = await connectRaw(srv.wsBase, mapId, { origin: srv.origin, token })
  cleanups.push(() => raw.close())
  await handshake(raw)
  const w = await honestClient(srv, witness, mapId, 'editor')
  cleanups.push(() => w.destroy())
  // The control: while an editor, the connection writes.
  raw.send(updateFrame(updateOf((d) => addNode(d, claim('before', 'written while an editor'), me))))
  await eventually(() => readGraph(w.doc).nodes.some((n) => n.id === 'before'), 'pre-demotion write relayed')
  return { editor, mapId, token, raw, w }
}

describe('live role changes', () => {
  test('[PS9] a demoted editor is closed with 4501 and the old token reconnects as a viewer that cannot write', async () => {
    const { editor, mapId, token, raw, w } = await scene()
    const result = await srv.services.access.setRole(mapId, editor.id, 'viewer')
    expect(result).toEqual({ ok: true })
    expect(await raw.closed).toEqual({ code: 4501, reason: 'role changed' })

    // The token still says "editor" and has not expired: the server takes the weaker of it and the database.
    const again = await connectRaw(srv.wsBase, mapId, { origin: srv.origin, token })
    cleanups.push(() => again.close())
    await handshake(again)
    again.send(updateFrame(updateOf((d) => addNode(d, claim('after', 'written after demotion'), me))))
    await again.waitFor('permission-denied')
    addNode(w.doc, claim('later', 'an honest later edit'), me)
    const server = await serverDoc(srv, mapId)
    await converged(server, w.doc, 'honest edit on the server')
    expect(
      readGraph(server)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['before', 'later'])
    expect(
      readGraph(w.doc)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['before', 'later'])
  })

  test('[PS9] writes already on the wire when the demotion lands are not applied after it', async () => {
    const { editor, mapId, raw, w } = await scene()
    const demoted = srv.services.access.setRole(mapId, editor.id, 'viewer')
    await demoted
    // Everything from here on arrives after the server has lowered this peer's rights.
    for (let i = 0; i < 20; i++) raw.send(updateFrame(updateOf((d) => addNode(d, claim(`late${i}`, 'late write'), me))))
    await raw.closed
    addNode(w.doc, claim('marker', 'honest marker'), me)
    const server = await serverDoc(srv, mapId)
    await converged(server, w.doc, 'honest marker on the server')
    expect(readGraph(server).nodes.filter((n) => n.id.startsWith('late'))).toEqual([])
  })

  test('[PS9] a removed member is closed with 4403 and the upgrade then refuses the old token', async () => {
    const { editor, mapId, token, raw } = await scene()
    expect(await srv.services.access.removeMember(mapId, editor.id)).toEqual({ ok: true })
    expect(await raw.closed).toEqual({ code: 4403, reason: 'access revoked' })
    const retry = await tryConnect(srv.wsBase, mapId, { origin: srv.origin, token })
    expect(retry.ok).toBe(false)
    if (!retry.ok) expect(retry.status).toBe(403)
  })

  test('[PS9] closing a map to the public disconnects people who were only there through the public role', async () => {
    const visitor = await person(srv.services, 'Passer-by')
    const meta = await srv.services.maps.create({ title: 'Open map', ownerId: owner.id, publicRole: 'editor' })
    const token = await tokenFor(srv.services, visitor, meta.id, 'editor')
    const raw = await connectRaw(srv.wsBase, meta.id, { origin: srv.origin, token })
    cleanups.push(() => raw.close())
    await handshake(raw)
    await srv.services.access.setPublicRole(meta.id, 'none')
    expect((await raw.closed).code).toBe(4403)
    const retry = await tryConnect(srv.wsBase, meta.id, { origin: srv.origin, token })
    expect(retry.ok).toBe(false)
  })

  test('[PS9] a revoked join code takes the live connections it granted with it', async () => {
    const student = await person(srv.services, 'Student')
    const mapId = await privateMap(srv.services, owner)
    const link = await srv.services.access.createShareLink(mapId, owner.id, {
      role: 'editor',
      expiresAt: null,
      group: null,
    })
    await srv.services.access.redeem(link.code, student.id)
    const raw = await connectRaw(srv.wsBase, mapId, {
      origin: srv.origin,
      token: await tokenFor(srv.services, student, mapId, 'editor'),
    })
    cleanups.push(() => raw.close())
    await handshake(raw)
    expect(await srv.services.access.revokeShareLink(mapId, link.id)).toBe(true)
    expect((await raw.closed).code).toBe(4403)
  })
})
