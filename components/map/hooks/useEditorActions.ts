'use client'
import { useMemo, useRef, useState, type RefObject } from 'react'
import type * as Y from 'yjs'
import { useReactFlow } from '@xyflow/react'
import { likelyDuplicates } from '@/core/duplicates'
import { newId, type ArgumentMap } from '@/core/graph'
import {
  addNode,
  addRelation,
  beginTextEdit,
  moveNodes,
  removeElements,
  setRelationKind,
  updateNode,
  type Origin,
} from '@/core/ydoc'
import { placeNewNode } from '@/core/layout'
import { DEFAULT_NODE_SIZE } from '@/core/layout/sizes'
import { READ_ONLY_ACTIONS, type MapActions } from '../MapActionsContext'
import { explainRefusal, type EditPolicy } from '../authorship/editPolicy'
import { arrangeOffThread } from '../layout/arrangeOffThread'

type Deps = {
  doc: Y.Doc | null
  origin: Origin
  readOnly: boolean
  graph: ArgumentMap
  selection: string[]
  select: (ids: string[]) => void
  /** Starts a new undo step so each user action undoes on its own. */
  cut: () => void
  canvas: RefObject<HTMLDivElement | null>
  /** What this person may change ([PA5], [PA7]); asked before writing, as the server will. */
  policy: EditPolicy
  /** Tells the person why something was not done. */
  notify: (message: string) => void
  /** Asks before deleting other people's work ([PA12]). */
  confirm: (message: string) => boolean
  /** This person's id, for spreading concurrent adds apart ([PA11]). */
  userId: string | null
  /** Under the own-work policy ([PA7]). */
  ownWork: boolean
  /** [PM1] New nodes arrive pending a teacher's review. */
  review: boolean
  /** Registers a node added here, so a crossing add that lands on it moves one of the two ([PA11]). */
  markFresh: (id: string) => void
}

/**
 * The editor's verbs, each one call into core/ydoc ops with this editor's
 * origin. Latest graph and selection are read through refs so the actions
 * object stays stable and node components do not re-render on every change.
 */
/**
 * Moves keyboard focus from the toolbar button to the new node once it is
 * rendered, so Enter edits the node instead of pressing "add" again.
 */
function focusNodeSoon(root: HTMLElement | null, id: string, tries = 30): void {
  requestAnimationFrame(() => {
    const el = root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
    // React Flow keeps a node hidden (unfocusable) until it has measured it.
    el?.focus({ preventScroll: true })
    if (document.activeElement !== el && tries > 0) focusNodeSoon(root, id, tries - 1)
  })
}

export function useEditorActions(deps: Deps): { actions: MapActions; editingId: string | null } {
  const [editingId, setEditingId] = useState<string | null>(null)
  const latest = useRef(deps)
  latest.current = deps
  const flow = useReactFlow()

  const { doc, origin, readOnly } = deps
  const actions = useMemo<MapActions>(() => {
    if (!doc || readOnly) return READ_ONLY_ACTIONS
    const step = () => latest.current.cut()
    /** True when this person may change `id`; otherwise says why, and nothing is written. */
    const allowed = (id: string) => {
      const reason = latest.current.policy.refusal(id)
      if (reason) latest.current.notify(explainRefusal(reason))
      return !reason
    }
    return {
      readOnly: false,
      addNode(kind, fields) {
        // [PP2] Refused here first, as the server would refuse it.
        const inPhase = latest.current.policy.phase({ what: 'node', kind })
        if (inPhase) return latest.current.notify(explainRefusal(inPhase))
        const rect = latest.current.canvas.current?.getBoundingClientRect()
        const centre = rect
          ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
          : { x: 0, y: 0 }
        // Measured sizes where the canvas has them, so a tall evidence node is not covered.
        const boxes = flow.getNodes().map((n) => ({
          x: n.position.x,
          y: n.position.y,
          width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
          height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
        }))
        const at = placeNewNode(centre, boxes, DEFAULT_NODE_SIZE, latest.current.userId ?? undefined)
        const id = newId('n')
        step()
        // [PM1] In review mode the server takes a student's new node only as pending.
        const review = latest.current.review ? { review: 'pending' as const } : {}
        addNode(doc, { text: '', pinned: false, ...fields, ...review, id, kind, x: at.x, y: at.y }, origin)
        latest.current.markFresh(id)
        latest.current.select([id])
        focusNodeSoon(latest.current.canvas.current, id)
      },
      updateNode(id, patch) {
        if (!allowed(id)) return
        step()
        updateNode(doc, id, patch, origin)
      },
      beginTextEdit(id) {
        const edit = beginTextEdit(doc, id)
        return {
          base: edit.base,
          commit(text) {
            if (text === edit.base || !allowed(id)) return
            step()
            edit.commit(text, origin)
          },
        }
      },
      move(positions) {
        const mine = positions.filter((p) => !latest.current.policy.refusal(p.id))
        if (mine.length === 0) return
        step()
        moveNodes(doc, mine, origin)
      },
      async arrange() {
        const sizes = new Map<string, { width: number; height: number }>()
        for (const n of flow.getNodes()) {
          if (n.measured?.width && n.measured.height)
            sizes.set(n.id, { width: n.measured.width, height: n.measured.height })
        }
        const positions = (await arrangeOffThread(latest.current.graph, sizes)).filter(
          (p) => !latest.current.policy.refusal(p.id),
        )
        step()
        moveNodes(doc, positions, origin)
      },
      connect(source, target, kind) {
        if (source === target) return
        const inPhase = latest.current.policy.phase({ what: 'relation', kind })
        if (inPhase) return latest.current.notify(explainRefusal(inPhase))
        step()
        addRelation(doc, { id: newId('r'), kind, source, target }, origin)
      },
      remove({ nodes, relations }) {
        const { policy, notify, confirm } = latest.current
        const refused = [...nodes, ...relations].map((id) => policy.refusal(id)).find((r) => r !== null)
        if (refused) return notify(explainRefusal(refused))
        const others = policy.othersWork(nodes)
        if (others.count > 0) {
          // [PA7] Under the own-work policy the server would refuse it: say so instead.
          if (latest.current.ownWork) {
            return notify('Other people’s relations or votes hang on this node: only an owner can delete it now.')
          }
          const names = others.names.length > 0 ? others.names.join(', ') : 'other people'
          const what = others.count === 1 ? 'a relation or vote' : `${others.count} relations and votes`
          if (
            !confirm(
              `This carries work by ${names} (${what}). Delete it anyway? It can be restored from “Recently deleted”.`,
            )
          )
            return
        }
        step()
        removeElements(doc, { nodes, relations }, origin)
      },
      setRelationKind(id, kind) {
        if (!allowed(id)) return
        step()
        setRelationKind(doc, id, kind, origin)
      },
      undercut(supportId, sourceId) {
        const nodeIds = new Set(latest.current.graph.nodes.map((n) => n.id))
        const picked = sourceId ? [sourceId] : latest.current.selection.filter((id) => nodeIds.has(id))
        const support = latest.current.graph.relations.find((r) => r.id === supportId && r.kind === 'supports')
        if (picked.length !== 1 || !nodeIds.has(picked[0]!) || !support || picked[0] === support.source) return false
        const inPhase = latest.current.policy.phase({ what: 'relation', kind: 'undercuts' })
        if (inPhase) {
          latest.current.notify(explainRefusal(inPhase))
          return false
        }
        step()
        addRelation(doc, { id: newId('r'), kind: 'undercuts', source: picked[0]!, target: supportId }, origin)
        return true
      },
      similarTo: (draft, nodeId) => likelyDuplicates(draft, latest.current.graph.nodes, { exclude: nodeId }),
      useExisting(draftId, existingId) {
        const { graph, policy, notify } = latest.current
        const refused = policy.refusal(draftId)
        if (refused) return notify(explainRefusal(refused))
        const moved = graph.relations
          .filter((r) => r.source === draftId || r.target === draftId)
          .map((r) => ({
            ...r,
            id: newId('r'),
            source: r.source === draftId ? existingId : r.source,
            target: r.target === draftId ? existingId : r.target,
          }))
          .filter((r) => r.source !== r.target)
        step()
        for (const r of moved) addRelation(doc, r, origin)
        removeElements(doc, { nodes: [draftId], relations: [] }, origin)
        setEditingId(null)
        latest.current.select([existingId])
      },
      select: (ids) => latest.current.select(ids),
      startEditing: (id) => {
        if (allowed(id)) setEditingId(id)
      },
      stopEditing: () => setEditingId(null),
    }
    // Rebuilt only when the doc, origin or mode change; the rest is read live.
  }, [doc, origin, readOnly, flow])

  return { actions, editingId: actions.readOnly ? null : editingId }
}
