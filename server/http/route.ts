import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import type { Action, Role } from '../../core/permissions'
import type { Grant } from '../auth/access'
import { MapRoleError, REFUSAL_STATUS } from '../auth/mapRole'
import { services } from '../app/registry'
import { currentUser, requireMapRole } from '../app/viewer'
import type { SessionUser } from '../auth/sessions'

/** Errors every route returns in one shape: `{ error: { code, message, issues? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message)
  }
}

export const notFound = (what = 'map') => new HttpError(404, 'not_found', `No such ${what}`)

interface RouteSpec<P extends z.ZodType, B extends z.ZodType | undefined> {
  params: P
  body?: B
  /** The map action the caller must be allowed (params must hold `id`); omit for public routes. */
  needs?: Action
  /**
   * A body larger than this is refused with 413 and `message` before it is
   * read, so an oversized upload gets the size message, not a JSON error
   * from a body cut short on the way in.
   */
  maxBody?: { bytes: number; message: string }
}

type Ctx<P extends z.ZodType, B> = {
  params: z.infer<P>
  body: B extends z.ZodType ? z.infer<B> : undefined
  user: SessionUser | null
  /** The caller's grant on the map, when the route `needs` a role (read once, by the check). */
  grant: (Grant & { role: Role }) | null
  req: NextRequest
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Wraps every route handler: [PH1] zod-validated params and body, [PH2] the
 * map role checked before the handler runs, [PH3] mutations only from this
 * origin (CSRF), and one error shape.
 */
export function route<P extends z.ZodType, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, B>,
  handler: (ctx: Ctx<P, B>) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      if (MUTATING.has(req.method) && !sameOrigin(req))
        throw new HttpError(403, 'bad_origin', 'Cross-site request refused')
      const params = spec.params.safeParse(await context.params)
      if (!params.success) throw new HttpError(400, 'bad_params', 'Invalid address', params.error.issues)
      let body: unknown
      const declared = Number(req.headers.get('content-length') ?? 0)
      if (spec.maxBody && declared > spec.maxBody.bytes) throw new HttpError(413, 'too_large', spec.maxBody.message)
      if (spec.body) {
        const raw = await req.json().catch(() => {
          throw new HttpError(400, 'bad_json', 'The request body is not valid JSON')
        })
        const parsed = spec.body.safeParse(raw)
        if (!parsed.success)
          throw new HttpError(400, 'bad_body', parsed.error.issues[0]?.message ?? 'Invalid input', parsed.error.issues)
        body = parsed.data
      }
      const user = await currentUser()
      let grant: Ctx<P, B>['grant'] = null
      if (spec.needs) {
        const mapId = (params.data as { id?: string }).id
        if (!mapId) throw new Error('route needs a map id to check a role')
        const checked = await requireMapRole(mapId, spec.needs, user)
        grant = { ...checked.grant, role: checked.role }
      }
      const result = await handler({ params: params.data, body: body as Ctx<P, B>['body'], user, grant, req })
      return result instanceof Response ? result : NextResponse.json(result)
    } catch (thrown) {
      const err =
        thrown instanceof MapRoleError
          ? new HttpError(REFUSAL_STATUS[thrown.refusal], thrown.refusal, thrown.message)
          : thrown
      if (err instanceof HttpError) {
        return NextResponse.json(
          { error: { code: err.code, message: err.message, issues: err.issues } },
          { status: err.status },
        )
      }
      console.error('[route]', req.method, req.nextUrl.pathname, err)
      return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong' } }, { status: 500 })
    }
  }
}

function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get('origin')
  if (!origin) return false
  if (services().env.ALLOWED_ORIGINS.includes(origin)) return true
  try {
    return new URL(origin).host === req.headers.get('host')
  } catch {
    return false
  }
}
