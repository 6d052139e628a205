import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ArgumentMap } from '@/core/graph'
import { readGraph } from '@/core/ydoc'
import { resolveWsUrl } from '@/components/map/hooks/useMapDoc'

/**
 * Typing sends a frame per keystroke: each followed map is read again at most
 * this often, so eight teams typing at once cost eight reads and canvas
 * renders per period on the teacher's page, not one per keystroke each.
 */
export const FOLLOW_READ_EVERY_MS = 250

/**
 * [PG3] Follows one map live over its websocket, as the editor connects (the
 * session cookie, [PS1]), and hands each new state to `onMap`. It only reads:
 * nothing writes the doc, and it sets no presence, so the team does not see
 * the teacher as one more person on their map. y-websocket reconnects on its
 * own after a close (a phase change closes every socket, [PP5]).
 */
export function followMap(mapId: string, onMap: (map: ArgumentMap) => void): () => void {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(resolveWsUrl(''), mapId, doc, { connect: false })
  provider.awareness.setLocalState(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  const read = () => {
    timer = undefined
    onMap(readGraph(doc))
  }
  const onUpdate = () => {
    timer ??= setTimeout(read, FOLLOW_READ_EVERY_MS)
  }
  doc.on('update', onUpdate)
  provider.connect()
  return () => {
    clearTimeout(timer)
    doc.off('update', onUpdate)
    provider.destroy()
    doc.destroy()
  }
}
