'use client'
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

export type ConnectionState = 'connected' | 'connecting' | 'offline'

export type MapDoc = {
  doc: Y.Doc | null
  provider: WebsocketProvider | null
  status: ConnectionState
  /** True once the first full sync with the server finished. */
  synced: boolean
}

export function resolveWsUrl(wsUrl: string): string {
  if (wsUrl) return wsUrl
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

/**
 * One Y.Doc per open map plus its websocket provider. Both are created in an
 * effect (not during render) so strict mode's double mount builds and tears
 * down a full pair instead of leaking a socket. When the network drops the
 * provider keeps the doc editable and resyncs on reconnect by itself.
 */
export function useMapDoc(mapId: string, wsUrl: string, token?: string): MapDoc {
  const [state, setState] = useState<MapDoc>({ doc: null, provider: null, status: 'connecting', synced: false })

  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(resolveWsUrl(wsUrl), mapId, doc, token ? { params: { token } } : {})
    setState({ doc, provider, status: 'connecting', synced: false })
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) =>
      setState((s) => ({ ...s, status: status === 'disconnected' ? 'offline' : status }))
    const onSync = (isSynced: boolean) => {
      if (isSynced) setState((s) => (s.synced ? s : { ...s, synced: true }))
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    return () => {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.destroy()
      doc.destroy()
    }
  }, [mapId, wsUrl, token])

  return state
}
