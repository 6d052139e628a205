import type { EdgeChange, NodeChange } from '@xyflow/react'
import type { LocalState } from './types'

export type Overlay = ReadonlyMap<string, LocalState>

/**
 * Applies React Flow's change events to the local overlay. Removals and
 * additions are ignored on purpose: content changes go through core/ydoc ops
 * and come back as a new graph, so the doc stays the one source of truth.
 */
export function applyLocalChanges(overlay: Overlay, changes: ReadonlyArray<NodeChange | EdgeChange>): Overlay {
  let next: Map<string, LocalState> | null = null
  const patch = (id: string, p: LocalState) => {
    next ??= new Map(overlay)
    next.set(id, { ...next.get(id), ...p })
  }
  for (const c of changes) {
    switch (c.type) {
      case 'select':
        if (Boolean(overlay.get(c.id)?.selected) !== c.selected) patch(c.id, { selected: c.selected })
        break
      case 'position':
        if (c.position) patch(c.id, { position: c.position, dragging: c.dragging ?? false })
        else if (c.dragging === false) patch(c.id, { dragging: false })
        break
      case 'dimensions':
        if (c.dimensions) patch(c.id, { measured: c.dimensions })
        break
    }
  }
  return next ?? overlay
}

/** Forgets drag previews once the doc holds the final positions. */
export function clearPreviews(overlay: Overlay, ids: Iterable<string>): Overlay {
  const next = new Map(overlay)
  for (const id of ids) {
    const s = next.get(id)
    if (s) next.set(id, { ...s, position: undefined, dragging: false })
  }
  return next
}

/** Selects exactly `ids` (nodes or edges), unselecting everything else. */
export function selectOnly(overlay: Overlay, ids: ReadonlyArray<string>): Overlay {
  const want = new Set(ids)
  const next = new Map<string, LocalState>()
  for (const [id, s] of overlay) next.set(id, { ...s, selected: want.has(id) })
  for (const id of want) if (!next.has(id)) next.set(id, { selected: true })
  return next
}

export function selectedIds(overlay: Overlay): string[] {
  return [...overlay].filter(([, s]) => s.selected).map(([id]) => id)
}
