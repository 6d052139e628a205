// @y/websocket-server 0.1.1 points its `types` at a dist/ file it does not ship.
declare module '@y/websocket-server/utils' {
  import type { IncomingMessage } from 'node:http'
  export function setupWSConnection(
    conn: unknown,
    req: IncomingMessage,
    opts?: { docName?: string; gc?: boolean },
  ): void
}
