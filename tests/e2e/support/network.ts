import type { BrowserContext, WebSocketRoute } from 'playwright-core'

/**
 * A switch that takes one browser context off the network and back, map
 * sockets included.
 *
 * Why not `context.setOffline(true)` alone: Chromium's offline emulation fails
 * new requests and new sockets but leaves an open WebSocket working (checked
 * here, and playwright#4910), so the editor would never notice. So every map
 * socket goes through `routeWebSocket`, which passes frames straight through;
 * going offline closes both ends of the open ones (the server sees the peer
 * leave, the page sees its socket drop, as with a real outage) and refuses new
 * ones until the switch is flipped back. `setOffline` still cuts the HTTP side,
 * so the token refresh the editor attempts after a close fails too.
 *
 * Must be installed before the page opens the map: routing applies to sockets
 * created after it.
 */
export async function networkSwitch(context: BrowserContext) {
  let online = true
  // Page end -> server end of every live map socket.
  const open = new Map<WebSocketRoute, WebSocketRoute>()

  await context.routeWebSocket(/\/ws\//, async (ws) => {
    if (!online) {
      // Closed before the routing layer would report it open: the page sees a failed connect.
      await ws.close({ code: 4000, reason: 'network down (test)' })
      return
    }
    const server = ws.connectToServer()
    open.set(ws, server)
    ws.onClose(async (code, reason) => {
      open.delete(ws)
      await server.close({ code, reason })
    })
    server.onClose(async (code, reason) => {
      open.delete(ws)
      await ws.close({ code, reason })
    })
  })

  return {
    async goOffline(): Promise<void> {
      online = false
      await context.setOffline(true)
      const dropping = [...open]
      open.clear()
      const down = { code: 4000, reason: 'network down (test)' }
      await Promise.all(dropping.flatMap(([page, server]) => [page.close(down), server.close(down)]))
    },
    async goOnline(): Promise<void> {
      online = true
      await context.setOffline(false)
    },
  }
}
