import http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as Y from 'yjs'
import type { Role } from '@/core/permissions'
import { colorFor } from '@/core/presence/colors'
import type { ServiceOptions, Services } from '@/server/app/services'
import { signMapToken } from '@/server/auth/mapTokens'
import { testServices } from '../../support/services'
import { connectClient, eventually, type Client } from '../../../harness/syncHarness'

/**
 * The app's real services (SQLite, accounts, access, token checks, sync
 * server) behind a plain http server on port 0: the websocket half of
 * `npm start` without Next, so hostile-client tests run in seconds.
 */
export interface RealServer {
  services: Services
  /** `ws://127.0.0.1:<port>/ws`; a map's socket is `${wsBase}/${mapId}`. */
  wsBase: string
  /** The Origin a browser on this app would send. */
  origin: string
  stop(): Promise<void>
}

export async function startRealServer(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
): Promise<RealServer> {
  const { services, dispose } = await testServices(env, options)
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  server.on('upgrade', (req, socket, head) => {
    if (!services.sync.handleUpgrade(req, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    services,
    wsBase: `ws://127.0.0.1:${port}/ws`,
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections()
      await dispose()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * A restart: the first server shuts down (flushing every room), and a new one
 * starts on the same database, with nothing carried over in memory. Stop the
 * restarted one first, then the original (which owns the database files).
 */
export async function restartedServer(srv: RealServer): Promise<RealServer> {
  await srv.services.sync.close()
  return startRealServer({ DATABASE_URL: srv.services.env.DATABASE_URL })
}

export interface Person {
  id: string
  name: string
}

let counter = 0
/** A guest account (no password hashing: fast); roles come from memberships, not account kind. */
export async function person(services: Services, name = `person ${++counter}`): Promise<Person> {
  const user = await services.accounts.createGuest(name)
  return { id: user.id, name: user.name }
}

/** A private map owned by `owner`, with `members` given their roles. */
export async function privateMap(
  services: Services,
  owner: Person,
  members: Array<[Person, Role]> = [],
): Promise<string> {
  const meta = await services.maps.create({ title: 'Security test map', ownerId: owner.id })
  for (const [p, role] of members) {
    const link = await services.access.createShareLink(meta.id, owner.id, {
      role: role === 'owner' ? 'editor' : role,
      expiresAt: null,
      group: null,
    })
    await services.access.redeem(link.code, p.id)
    if (role === 'owner') await services.access.setRole(meta.id, p.id, 'owner')
  }
  return meta.id
}

/** A token exactly like the one `/api/maps/<id>/token` would mint (overridable for forgeries). */
export function tokenFor(
  services: Services,
  who: Person,
  mapId: string,
  role: Role,
  opts: { secret?: Uint8Array; now?: number; name?: string; color?: string } = {},
): Promise<string> {
  return signMapToken(
    opts.secret ?? services.secret,
    { sub: who.id, map: mapId, role, name: opts.name ?? who.name, color: opts.color ?? colorFor(who.id) },
    opts.now,
  )
}

/** A stock y-websocket client (the honest "other client") with a real token and Origin. */
export async function honestClient(srv: RealServer, who: Person, mapId: string, role: Role): Promise<Client> {
  const token = await tokenFor(srv.services, who, mapId, role)
  const client = connectClient(srv.wsBase, mapId, new Y.Doc(), { token }, { origin: srv.origin })
  await client.synced
  return client
}

/** The server's live copy of a map (the room must be open). */
export async function serverDoc(srv: RealServer, mapId: string): Promise<Y.Doc> {
  const live = srv.services.sync.rooms.live(mapId)
  if (!live) throw new Error(`no live room for ${mapId}`)
  return (await live).doc
}

/**
 * Both docs hold the same content: the same operations (state vectors, which
 * ignore encoding order) and the same values (deletions add no clock, so the
 * content is compared too, with keys sorted).
 */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (d: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(d))].sort(([x], [y]) => x - y))
  return sv(a) === sv(b) && stableJson(content(a, b)) === stableJson(content(b, a))
}

/** Root types stay untyped until someone asks for them; every root in a map doc is a Y.Map. */
function content(doc: Y.Doc, other: Y.Doc): Record<string, unknown> {
  const names = new Set([...doc.share.keys(), ...other.share.keys()])
  return Object.fromEntries([...names].map((name) => [name, doc.getMap(name).toJSON()]))
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  )
}

export async function converged(a: Y.Doc, b: Y.Doc, what: string, ms = 5000): Promise<void> {
  await eventually(() => sameState(a, b), what, ms)
}
