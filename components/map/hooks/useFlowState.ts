'use client'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { EdgeChange, NodeChange } from '@xyflow/react'
import type { ArgumentMap } from '@/core/graph'
import { applyLocalChanges, clearPreviews, selectOnly, selectedIds, type Overlay } from '../flow/localOverlay'
import { reuseEdges, toFlowEdges, toFlowNodes, type NodeDecor } from '../flow/toFlow'
import type { FlowEdge } from '../flow/types'

/**
 * React Flow's edges and the local-only state (selection, measured sizes,
 * drag previews) that never reaches the doc. Nodes come from useFlowNodes,
 * which also needs what the editor decides later (who edits, who selects).
 */
export function useFlowState(graph: ArgumentMap) {
  const [overlay, setOverlay] = useState<Overlay>(() => new Map())

  // Edges read only their selection from the overlay. Keyed on that, so a drag (which changes
  // the overlay every frame) does not hand React Flow 1,000 new edge objects per pointer move.
  const selectedEdges = graph.relations
    .filter((r) => overlay.get(r.id)?.selected)
    .map((r) => r.id)
    .join(' ')
  const edgeCache = useRef({ byId: new Map<string, FlowEdge>(), list: [] as FlowEdge[] })
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the selected ids, not the whole overlay (above)
  const edges = useMemo(() => reuseEdges(toFlowEdges(graph, overlay), edgeCache.current), [graph, selectedEdges])

  const onNodesChange = useCallback((changes: NodeChange[]) => setOverlay((o) => applyLocalChanges(o, changes)), [])
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setOverlay((o) => applyLocalChanges(o, changes)), [])
  const select = useCallback((ids: string[]) => setOverlay((o) => selectOnly(o, ids)), [])
  const endPreviews = useCallback((ids: string[]) => setOverlay((o) => clearPreviews(o, ids)), [])

  // Ids of what is selected and still exists (a remote delete can remove it). The same array
  // while they stay the same, so panels that take it can skip the renders of a drag.
  // The id set is rebuilt per graph, not per overlay change: the overlay changes on every
  // drag frame, and on a big map that was a 2,000-entry set per pointer move.
  const live = useMemo(() => new Set([...graph.nodes.map((n) => n.id), ...graph.relations.map((r) => r.id)]), [graph])
  const selectionKey = useMemo(
    () =>
      selectedIds(overlay)
        .filter((id) => live.has(id))
        .sort()
        .join('\n'),
    [overlay, live],
  )
  const selection = useMemo(() => (selectionKey ? selectionKey.split('\n') : []), [selectionKey])

  return { overlay, edges, onNodesChange, onEdgesChange, select, endPreviews, selection }
}

/** React Flow's nodes: the map, the local overlay and the decorations, unchanged nodes kept as they were. */
export function useFlowNodes(graph: ArgumentMap, overlay: Overlay, decor: NodeDecor) {
  const cache = useRef(new Map() as Parameters<typeof toFlowNodes>[3])
  const { badges, editingId, remoteSelections, authors, fixed, faded, comments, diff } = decor
  return useMemo(
    () =>
      toFlowNodes(
        graph,
        overlay,
        { badges, editingId, remoteSelections, authors, fixed, faded, comments, diff },
        cache.current,
      ),
    [graph, overlay, badges, editingId, remoteSelections, authors, fixed, faded, comments, diff],
  )
}
