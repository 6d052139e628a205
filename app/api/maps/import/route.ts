import { z } from 'zod'
import { services } from '@/server/app/registry'
import {
  IMPORT_MAX_BODY_BYTES,
  IMPORT_SIZE_MESSAGE,
  ImportRequestSchema,
  importMap,
} from '@/server/publishing/interchange'
import { HttpError, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

/**
 * POST { format, text, title? }: a new map owned by the caller, or a 400
 * listing every problem with where it is; on error nothing is created.
 */
export const POST = route(
  {
    params: z.object({}).optional(),
    body: ImportRequestSchema,
    maxBody: { bytes: IMPORT_MAX_BODY_BYTES, message: IMPORT_SIZE_MESSAGE },
  },
  async ({ body, user }) => {
    if (!user || user.isGuest) throw new HttpError(401, 'unauthenticated', 'Sign in with an account to import maps')
    const result = await importMap(services().maps, user.id, body)
    if (!result.ok) {
      throw new HttpError(
        400,
        'import_failed',
        `The file has ${result.errors.length} problem(s); nothing was imported`,
        result.errors,
      )
    }
    return { id: result.id, warnings: result.warnings }
  },
)
