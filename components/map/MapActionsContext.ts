'use client'
import { createContext, useContext } from 'react'
import type { DuplicateMatch } from '@/core/duplicates'
import type { NodeKind } from '@/core/graph'
import type { NodePatch } from '@/core/ydoc'

/** A text edit begun from `base` (see beginTextEdit in core/ydoc/ops.ts), committed once. */
export type DraftEdit = { base: string; commit(text: string): void }

/**
 * What node and edge components may do. They get it from context rather than
 * from node `data`, which must stay serializable (no callbacks).
 */
export type MapActions = {
  readOnly: boolean
  /** Adds a node in view and selects it; `fields` prefill it (e.g. evidence picked from a source). */
  addNode(kind: NodeKind, fields?: NodePatch): void
  updateNode(id: string, patch: NodePatch): void
  /**
   * Starts editing a node's text from a draft: `commit` writes the person's
   * change where they made it, keeping what others wrote meanwhile.
   */
  beginTextEdit(id: string): DraftEdit
  /** Writes final positions (drag end): one transaction, one undo step. */
  move(positions: ReadonlyArray<{ id: string; x: number; y: number }>): void
  /** Lays out unpinned nodes with elkjs; resolves once written. */
  arrange(): Promise<void>
  /** A supports/attacks relation from `source` to `target`. */
  connect(source: string, target: string, kind: 'supports' | 'attacks'): void
  /** Deletes nodes (with their relations) and relations. */
  remove(ids: { nodes: string[]; relations: string[] }): void
  setRelationKind(id: string, kind: 'supports' | 'attacks'): void
  /** `sourceId` (or else the one selected node) undercuts this support; false if there is no such node. */
  undercut(supportId: string, sourceId?: string): boolean
  /** [DD3] Existing nodes this draft closely matches, best first (never the node itself). */
  similarTo(draft: string, nodeId: string): DuplicateMatch[]
  /** [DD3] Drops the draft node for an existing one: its relations move over, the existing one is selected. */
  useExisting(draftId: string, existingId: string): void
  select(ids: string[]): void
  startEditing(id: string): void
  stopEditing(): void
}

const noop = () => {}
export const READ_ONLY_ACTIONS: MapActions = {
  readOnly: true,
  addNode: noop,
  updateNode: noop,
  beginTextEdit: () => ({ base: '', commit: noop }),
  move: noop,
  arrange: async () => {},
  connect: noop,
  remove: noop,
  setRelationKind: noop,
  undercut: () => false,
  similarTo: () => [],
  useExisting: noop,
  select: noop,
  startEditing: noop,
  stopEditing: noop,
}

export const MapActionsContext = createContext<MapActions>(READ_ONLY_ACTIONS)
export const useMapActions = () => useContext(MapActionsContext)
