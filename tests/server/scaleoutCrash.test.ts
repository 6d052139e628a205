import { afterAll, beforeAll, expect, test } from 'vitest'
import * as Y from 'yjs'
import { addNode, localOrigin, nodesOf, readGraph, updateNode } from '@/core/ydoc'
import { startInstanceProcess } from '../../harness/instanceProcess'
import { freshPostgresDb, REDIS_URL } from '../../harness/postgres'
import { connectClient, eventually, type Client } from '../../harness/syncHarness'
import { person, privateMap, sameState, startRealServer, tokenFor, type RealServer } from './security/realServer'
import { claim } from '../support/graph'

/**
 * [DU3] Two instances on PostgreSQL and Redis; one is killed with SIGKILL
 * while people on both write. Its clients reconnect to the survivor (as a
 * load balancer would send them). Once everyone has left, a fresh client on
 * the survivor must see every edit any client had seen: the survivor stored
 * what it applied from the bus, and the reconnecting clients sent the rest.
 */
const me = localOrigin()
const nodeIds = (doc: Y.Doc) =>
  readGraph(doc)
    .nodes.map((n) => `${n.id}:${n.text}`)
    .sort()

let db: Awaited<ReturnType<typeof freshPostgresDb>>
let survivor: RealServer
// Behind one load balancer every instance sees one public origin.
const ORIGIN = 'https://crux.example'
const env = () => ({
  DATABASE_URL: db.url,
  REDIS_URL,
  AUTH_SECRET: 'scale-out-secret-shared-by-all-instances!!',
  PERSIST_DELAY_MS: '50',
  ALLOWED_ORIGINS: ORIGIN,
})

beforeAll(async () => {
  db = await freshPostgresDb()
  survivor = await startRealServer(env())
}, 60_000)

afterAll(async () => {
  await survivor?.stop()
  await db?.dispose()
})

async function client(wsBase: string, token: string, mapId: string): Promise<Client> {
  const c = connectClient(wsBase, mapId, new Y.Doc(), { token }, { origin: ORIGIN })
  await c.synced
  return c
}

test.each([1, 2, 3])(
  '[DU3] round %i: after kill -9 of one instance mid-write, the database has every edit any client saw',
  async (round) => {
    const owner = await person(survivor.services, `Owner ${round}`)
    const mapId = await privateMap(survivor.services, owner)
    const token = await tokenFor(survivor.services, owner, mapId, 'owner')
    const doomed = await startInstanceProcess(env())
    const clients: Client[] = []
    try {
      const onDoomed = [await client(doomed.wsBase, token, mapId), await client(doomed.wsBase, token, mapId)]
      const onSurvivor = [await client(survivor.wsBase, token, mapId), await client(survivor.wsBase, token, mapId)]
      clients.push(...onDoomed, ...onSurvivor)
      const [writerA] = onDoomed
      const [writerB] = onSurvivor
      // Each writer also rewrites the other's latest node, so later updates depend on earlier ones.
      let i = 0
      const write = () => {
        i++
        addNode(writerA!.doc, claim(`a${i}`), me)
        addNode(writerB!.doc, claim(`b${i}`), me)
        if (nodesOf(writerA!.doc).has(`b${i - 1}`))
          updateNode(writerA!.doc, `b${i - 1}`, { text: `a touched b${i - 1}` }, me)
        if (nodesOf(writerB!.doc).has(`a${i - 1}`))
          updateNode(writerB!.doc, `a${i - 1}`, { text: `b touched a${i - 1}` }, me)
      }
      const writing = setInterval(write, 15)
      // Counted, not timed: a loaded machine only writes slower.
      await eventually(() => i >= 40, 'writes before the crash', 60_000)
      await doomed.crash()
      // Its clients keep editing offline, then reach the survivor.
      for (const c of onDoomed) c.provider.serverUrl = survivor.wsBase
      await eventually(() => i >= 80, 'writes after the crash', 60_000)
      clearInterval(writing)
      await eventually(
        () => clients.every((c) => c.provider.wsconnected && c.provider.synced),
        'everyone on the survivor',
        15_000,
      )
      await eventually(() => clients.every((c) => sameState(c.doc, clients[0]!.doc)), 'clients converge', 15_000)
      const seen = new Set(clients.flatMap((c) => nodeIds(c.doc)))
      expect(seen.size).toBeGreaterThanOrEqual(160)

      for (const c of clients.splice(0)) c.destroy()
      await eventually(
        () => survivor.services.sync.rooms.live(mapId) === undefined,
        'room closed on the survivor',
        15_000,
      )
      const fresh = await client(survivor.wsBase, token, mapId)
      clients.push(fresh)
      expect(nodeIds(fresh.doc)).toEqual([...seen].sort())
    } finally {
      for (const c of clients) c.destroy()
      await doomed.stop()
    }
  },
  120_000,
)
