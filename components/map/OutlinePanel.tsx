'use client'
import { useEffect, useMemo, useRef } from 'react'
import { useReactFlow } from '@xyflow/react'
// Straight from the module: the package index would pull the Argdown parser into the editor's bundle.
import { buildOutline } from '@/core/convert/outline'
import type { ArgumentMap } from '@/core/graph'
import { Outline } from '@/components/published/Outline'
import type { Badge } from './flow/types'
import type { NodeAuthor } from './flow/toFlow'

type Props = {
  graph: ArgumentMap
  badges?: ReadonlyMap<string, Badge>
  selection: string[]
  select: (ids: string[]) => void
  /** Who wrote each node ([PA1]). */
  authors?: ReadonlyMap<string, NodeAuthor>
}

/**
 * The map as a live outline beside the canvas: the same nested reading as the
 * published page, updated with every edit. It is the way through the map for
 * keyboard and screen-reader users: each node is a button that selects it,
 * which opens it in the inspector (to edit, vote or ask why) and brings it
 * into view on the canvas for everyone else at the screen.
 */
export function OutlinePanel({ graph, badges, selection, select, authors }: Props) {
  const flow = useReactFlow()
  const outline = useMemo(() => buildOutline(graph), [graph])
  const textOf = useMemo(() => Object.fromEntries(graph.nodes.map((n) => [n.id, n.text])), [graph])
  const badgeOf = useMemo(() => Object.fromEntries(badges ?? []), [badges])
  const authorOf = useMemo(() => Object.fromEntries([...(authors ?? [])].map(([id, a]) => [id, a.name])), [authors])
  const selected = useMemo(() => new Set(selection), [selection])
  const pane = useRef<HTMLElement>(null)

  const onSelect = (id: string) => {
    select([id])
    void flow.fitView({ nodes: [{ id }], maxZoom: 1.2, duration: 200 })
  }

  // A node picked on the canvas scrolls into view here too.
  useEffect(() => {
    if (selection.length !== 1) return
    pane.current?.querySelector(`li[data-node-id="${CSS.escape(selection[0]!)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selection])

  return (
    <section
      ref={pane}
      className="crux-outline-pane"
      aria-labelledby="crux-outline-h"
      id="crux-outline"
      data-testid="outline-panel"
    >
      <h2 id="crux-outline-h">Outline</h2>
      {outline.length === 0 ? (
        <p className="crux-hint">The map is empty.</p>
      ) : (
        <Outline
          outline={outline}
          badges={badgeOf}
          textOf={textOf}
          authorOf={authorOf}
          labelledBy="crux-outline-h"
          select={{ onSelect, selected }}
        />
      )}
    </section>
  )
}
