'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useOnViewportChange, useReactFlow, useStore, type Viewport } from '@xyflow/react'
import type { Awareness } from 'y-protocols/awareness'
import {
  freshRequests,
  isSharedView,
  sameTransform,
  transformFor,
  viewOf,
  type SeenRequests,
  type Transform,
} from '@/core/presence/follow'
import type { Peer } from '../hooks/usePresence'

/** How often one's own view is shared while it moves: smooth enough to follow, a few frames a second. */
const VIEW_INTERVAL_MS = 150
/** How long a spotlighted node stays ringed. */
const SPOTLIGHT_MS = 8000

/**
 * Following in a workshop: everyone shares where they look; clicking a person follows their view until
 * one moves on one's own; a facilitator can bring everyone to their view, or put a node in the spotlight.
 */
export function useFollowing(awareness: Awareness | null, peers: Peer[]) {
  const flow = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const pane = useRef({ width, height })
  pane.current = { width, height }
  const [followId, setFollowId] = useState<number | null>(null)
  const following = useRef<number | null>(null)
  following.current = followId
  const [spotlightId, setSpotlightId] = useState<string | null>(null)
  /** The transform this hook set last: a view that differs from it was moved by the person. */
  const expected = useRef<Transform | null>(null)
  const seen = useRef<SeenRequests>(new Map())
  const lastShared = useRef(0)

  const share = useCallback(
    (vp: Viewport) => {
      if (!awareness || pane.current.width === 0) return
      const v = viewOf(vp, pane.current)
      awareness.setLocalStateField('view', {
        x: Math.round(v.x),
        y: Math.round(v.y),
        zoom: Math.round(v.zoom * 1000) / 1000,
      })
      lastShared.current = Date.now()
    },
    [awareness],
  )
  const show = useCallback(
    (target: Transform) => {
      expected.current = target
      void flow.setViewport(target, { duration: 0 })
    },
    [flow],
  )

  useOnViewportChange({
    onChange: (vp) => {
      if (Date.now() - lastShared.current >= VIEW_INTERVAL_MS) share(vp)
    },
    onEnd: (vp) => {
      share(vp)
      if (following.current !== null && expected.current && !sameTransform(vp, expected.current)) setFollowId(null)
    },
  })
  // A pane that changes size moves the centre of one's view: followers are told.
  useEffect(() => {
    if (width > 0) share(flow.getViewport())
  }, [share, flow, width, height])

  // Follow the chosen person's view; stop when they leave.
  // Only a change of the followed view moves one's own: the peers list is rebuilt on every presence change
  // (one's own view included), and re-applying on each would pull one back while moving away. A change of
  // one's own pane re-applies it too: following widens one's header ("· following"), which can wrap it onto
  // a second line, and a view placed for the old pane would sit off the followed centre until they moved.
  const followed = followId === null ? undefined : peers.find((p) => p.clientId === followId)
  const present = followed !== undefined
  const fv = isSharedView(followed?.view) ? followed.view : undefined
  useEffect(() => {
    if (followId === null) return
    if (!present) return setFollowId(null)
    if (fv && pane.current.width > 0) show(transformFor(fv, pane.current))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view's numbers, not its object
  }, [followId, present, fv?.x, fv?.y, fv?.zoom, show, width, height])

  const centreOn = useCallback(
    (id: string) => {
      const node = flow.getNode(id)
      if (!node || pane.current.width === 0) return
      const zoom = Math.max(flow.getViewport().zoom, 0.8)
      const x = node.position.x + (node.measured?.width ?? 0) / 2
      const y = node.position.y + (node.measured?.height ?? 0) / 2
      show(transformFor({ x, y, zoom }, pane.current))
    },
    [flow, show],
  )

  // Requests from others: a summon makes one follow its sender; a spotlight brings its node into view.
  useEffect(() => {
    const fresh = freshRequests(peers, seen.current)
    if (fresh.summon) setFollowId(fresh.summon.clientId)
    const id = fresh.spotlight?.spotlight?.id
    if (id) {
      setSpotlightId(id)
      centreOn(id)
    }
  }, [peers, centreOn])

  useEffect(() => {
    if (!spotlightId) return
    const t = setTimeout(() => setSpotlightId(null), SPOTLIGHT_MS)
    return () => clearTimeout(t)
  }, [spotlightId])

  return {
    followId,
    follow: (clientId: number | null) => setFollowId((current) => (current === clientId ? null : clientId)),
    summon: () => awareness?.setLocalStateField('summon', { at: Date.now() }),
    spotlight: (nodeId: string) => {
      awareness?.setLocalStateField('spotlight', { id: nodeId, at: Date.now() })
      setSpotlightId(nodeId)
      centreOn(nodeId)
    },
    spotlightId,
  }
}
