'use client'
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { fetchMapSession, MapSessionError, type MapSession } from './mapSession'

export type ConnectionState = 'connected' | 'connecting' | 'offline' | 'denied'

export type MapDoc = {
  doc: Y.Doc | null
  provider: WebsocketProvider | null
  status: ConnectionState
  /** True once the first full sync with the server finished. */
  synced: boolean
  /** The server's word on who we are and what we may do; refreshed with every token. */
  session: MapSession | null
  error: string | null
  /** Why the server refused this person's last change, if it did ([PA3]); the doc was reloaded. */
  refused: string | null
}

/** [PA3] The server closes with this after "permission denied" for an edit it refused. */
export const CLOSE_EDIT_REFUSED = 4409

export function resolveWsUrl(wsUrl: string): string {
  if (wsUrl) return wsUrl
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

/**
 * One Y.Doc per open map plus its websocket provider. The socket opens at
 * once: the upgrade accepts the session cookie the browser sends to its own
 * origin [PS1], so no token fetch sits on the connect path, and reconnects
 * after any outage need none either. The session (role and identity, for the
 * UI) is fetched meanwhile and again after every close (a role change closes
 * the socket so the reconnect brings the new role); its token goes into the
 * URL for sockets that cannot carry our cookie (another origin). After the
 * server refused an edit ([PA3]) the whole doc is loaded again. Created in an
 * effect so strict mode's double mount builds and tears down a full pair
 * instead of leaking a socket.
 */
export function useMapDoc(mapId: string, wsUrl: string): MapDoc {
  const [state, setState] = useState<MapDoc>({
    doc: null,
    provider: null,
    status: 'connecting',
    synced: false,
    session: null,
    error: null,
    refused: null,
  })
  // [PA3] A refused edit stays in the local doc (Yjs cannot take it back): a new doc is loaded.
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let disposed = false
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(resolveWsUrl(wsUrl), mapId, doc, { connect: false })
    let refreshTimer: ReturnType<typeof setTimeout> | undefined

    const refresh = async (): Promise<void> => {
      clearTimeout(refreshTimer)
      try {
        const session = await fetchMapSession(mapId)
        if (disposed) return
        provider.params = { token: session.token }
        setState((s) => ({ ...s, session, error: null }))
      } catch (err) {
        if (disposed) return
        if (err instanceof MapSessionError && (err.status === 401 || err.status === 403 || err.status === 404)) {
          provider.disconnect()
          setState((s) => ({ ...s, status: 'denied', error: err.message }))
        } else {
          // Offline: keep editing locally and try again shortly.
          refreshTimer = setTimeout(() => void refresh(), 3000)
        }
      }
    }

    setState((s) => ({
      doc,
      provider,
      status: 'connecting',
      synced: false,
      session: null,
      error: null,
      refused: s.refused,
    }))
    // y-websocket reports every retry as "connecting": once the connection is
    // lost, the badge stays "offline" until it is back instead of flickering.
    let reconnecting = false
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      // [PP5] The session fetched on the close may predate a change the new socket was authorized
      // under (a phase chosen while we reconnected): read it again once the socket is back.
      if (status === 'connected' && reconnecting) void refresh()
      if (status === 'disconnected') reconnecting = true
      setState((s) => {
        if (s.status === 'denied') return s
        const lost = status === 'disconnected' || (status === 'connecting' && s.status === 'offline')
        return { ...s, status: lost ? 'offline' : status }
      })
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) setState((s) => (s.synced ? s : { ...s, synced: true }))
    }
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_EDIT_REFUSED) {
        setState((s) => ({ ...s, refused: event.reason.replace(/^edit refused: /, '') || 'permission denied' }))
        setGeneration((g) => g + 1)
      } else void refresh()
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    provider.connect()
    void refresh()
    return () => {
      disposed = true
      clearTimeout(refreshTimer)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      provider.destroy()
      doc.destroy()
    }
  }, [mapId, wsUrl, generation])

  return state
}
