'use client'
import dynamic from 'next/dynamic'
import type { MapEditorProps } from './MapEditor'

/**
 * The editor renders in the browser only. Its modules hold Yjs and y-websocket, and rendering it on Next's
 * server would load a second copy of Yjs into the process that runs the sync server (Yjs warns "already
 * imported": its constructor checks then fail across copies). Nothing of the editor can be drawn before
 * the document arrives over the socket anyway [SY9].
 */
const MapEditor = dynamic(() => import('./MapEditor'), {
  ssr: false,
  loading: () => (
    <p role="status" className="editor-loading">
      Opening the map…
    </p>
  ),
})

export default function MapEditorLoader(props: MapEditorProps) {
  return <MapEditor {...props} />
}
