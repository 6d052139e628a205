import * as Y from 'yjs'
import { addRelation, readGraph, removeRelations, setVote, localOrigin } from '@/core/ydoc'
import { connectClient, type Client } from '@/harness/syncHarness'
import { seededRandom } from '../lib/report'

/**
 * Another participant, as a Node y-websocket client with the same guest
 * session as the browser: every 100 ms it changes a vote or adds/removes an
 * attack, each of which makes the editor re-evaluate the whole map.
 */
export interface Streamer {
  /** Edits sent so far. */
  readonly edits: number
  pause(): void
  resume(): void
  stop(): void
}

export async function startStreamer(appUrl: string, mapId: string, cookie: string, everyMs = 100): Promise<Streamer> {
  const res = await fetch(`${appUrl}/api/maps/${encodeURIComponent(mapId)}/token`, { headers: { cookie } })
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`)
  const { token, user } = (await res.json()) as { token: string; user: { id: string } }
  const wsUrl = `${appUrl.replace(/^http/, 'ws')}/ws`
  const client: Client = connectClient(wsUrl, mapId, new Y.Doc(), { token }, { origin: appUrl })
  await client.synced
  const doc = client.doc
  const ids = readGraph(doc).nodes.map((n) => n.id)
  if (ids.length === 0) throw new Error('streamer: the map arrived empty')
  const origin = localOrigin('bench-streamer')
  const rnd = seededRandom(11)
  const pick = () => ids[Math.floor(rnd() * ids.length)]!
  let edits = 0
  let paused = true
  let extra: string | null = null
  const timer = setInterval(() => {
    if (paused) return
    edits++
    if (edits % 3 === 0) {
      if (extra) {
        removeRelations(doc, [extra], origin)
        extra = null
      } else {
        const [a, b] = [pick(), pick()]
        if (a === b) return
        extra = `bench-x${edits}`
        addRelation(doc, { id: extra, kind: 'attacks', source: a, target: b }, origin)
      }
    } else setVote(doc, { nodeId: pick(), userId: user.id, value: Math.floor(rnd() * 5) }, origin)
  }, everyMs)
  return {
    get edits() {
      return edits
    },
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    stop() {
      clearInterval(timer)
      client.destroy()
    },
  }
}
