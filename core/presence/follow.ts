/**
 * Following another person's view, as pure functions the editor and tests share. People share the centre of
 * their view in map coordinates and their zoom; each screen turns that into its own transform, since screens
 * differ in size.
 */
export type SharedView = { x: number; y: number; zoom: number }
export type Transform = { x: number; y: number; zoom: number }
export type Pane = { width: number; height: number }

export function viewOf(t: Transform, pane: Pane): SharedView {
  return { x: (pane.width / 2 - t.x) / t.zoom, y: (pane.height / 2 - t.y) / t.zoom, zoom: t.zoom }
}

export function transformFor(view: SharedView, pane: Pane): Transform {
  return { x: pane.width / 2 - view.x * view.zoom, y: pane.height / 2 - view.y * view.zoom, zoom: view.zoom }
}

/** Within a pixel and a thousandth of zoom: what rounding in transit and in the renderer can change. */
export function sameTransform(a: Transform, b: Transform): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 1e-3
}

export function isSharedView(v: unknown): v is SharedView {
  const o = v as SharedView | null
  return !!o && [o.x, o.y, o.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && o.zoom > 0
}

/** Presence fields that ask something of everyone; the server removes them from anyone but owners ([PS10]). */
export const LEAD_FIELDS = ['summon', 'spotlight'] as const

/** What a person asks of everyone: follow me ("bring everyone here"), or look at this node. */
export interface Requests {
  summon?: { at: number }
  spotlight?: { id: string; at: number }
}
export interface RequestingPeer extends Requests {
  clientId: number
  isMe: boolean
}

/** Per person, the requests already seen (by their own timestamps: clocks differ between machines). */
export type SeenRequests = Map<number, { summon?: number; spotlight?: number }>

/**
 * The requests made since the last call. Whatever a person had asked before they were first seen is not
 * for the newcomer: joining a workshop late must not yank the view to an old spotlight.
 */
export function freshRequests<P extends RequestingPeer>(
  peers: readonly P[],
  seen: SeenRequests,
): { summon?: P; spotlight?: P } {
  const out: { summon?: P; spotlight?: P } = {}
  for (const peer of peers) {
    if (peer.isMe) continue
    const before = seen.get(peer.clientId)
    const now = { summon: stamp(peer.summon), spotlight: stamp(peer.spotlight) }
    seen.set(peer.clientId, now)
    if (!before) continue
    if (
      now.summon !== undefined &&
      now.summon !== before.summon &&
      (!out.summon || now.summon > stamp(out.summon.summon)!)
    )
      out.summon = peer
    if (now.spotlight !== undefined && now.spotlight !== before.spotlight && typeof peer.spotlight?.id === 'string')
      out.spotlight = peer
  }
  return out
}

const stamp = (r: { at: number } | undefined) => (r && typeof r.at === 'number' ? r.at : undefined)
