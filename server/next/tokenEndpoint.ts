import type { IncomingMessage, ServerResponse } from 'node:http'
import { IdSchema } from '../../core/graph'
import type { RouteServices } from '../app/registry'
import { checkMapRole, REFUSAL_STATUS } from '../auth/mapRole'
import { mapSession } from '../auth/mapSession'
import { sessionCookie } from '../auth/socketAuth'
import { decodeOrNull } from '../http/decode'
import { JSON_CSP, SECURITY_HEADERS } from '../http/securityHeaders'

const TOKEN_PATH = /^\/api\/maps\/([^/?]+)\/token(?:\?.*)?$/

/**
 * [SY11] `GET /api/maps/<id>/token`, answered by the sync process without a trip through Next: every socket
 * a stock client opens starts with it, so a class connecting at once waits on this alone. The answer is the
 * token route's, from the same functions (`checkMapRole`, `mapSession`). Returns false for other requests.
 */
export function handleTokenRequest(req: IncomingMessage, res: ServerResponse, rs: RouteServices): boolean {
  const match = req.method === 'GET' ? TOKEN_PATH.exec(req.url ?? '') : null
  if (!match) return false
  void answer(req, res, rs, match[1]!).catch((err: unknown) => {
    console.error('[token]', err)
    send(res, 500, { error: { code: 'internal', message: 'Something went wrong' } })
  })
  return true
}

async function answer(req: IncomingMessage, res: ServerResponse, rs: RouteServices, rawId: string): Promise<void> {
  // A hostile address (`%E0%A4%A`) must be a 400, not an exception in the request handler.
  const mapId = decodeOrNull(rawId)
  if (mapId === null || !IdSchema.safeParse(mapId).success)
    return send(res, 400, { error: { code: 'bad_params', message: 'Invalid address' } })
  const user = await rs.sessions.user(sessionCookie(req))
  const check = await checkMapRole(rs.access, mapId, user?.id ?? null, 'view')
  if (!check.ok)
    return send(res, REFUSAL_STATUS[check.refusal], { error: { code: check.refusal, message: check.message } })
  if (!user) return send(res, 401, { error: { code: 'unauthenticated', message: 'Join the map with a name first' } })
  send(res, 200, await mapSession(rs, mapId, user, { ...check.grant, role: check.role }))
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.destroy()
  res
    .writeHead(status, {
      ...SECURITY_HEADERS,
      'content-security-policy': JSON_CSP,
      'x-frame-options': 'DENY',
      'content-type': 'application/json',
      'cache-control': 'no-store',
    })
    .end(JSON.stringify(body))
}
