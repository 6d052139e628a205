import { z } from 'zod'
import { exportedThreads } from '@/core/convert'
import { IdSchema } from '@/core/graph'
import { can } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { EXPORT_FORMATS, contentDisposition, exportFile } from '@/server/publishing/interchange'
import { HttpError, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

const FormatSchema = z.enum(EXPORT_FORMATS)

/**
 * GET ?format=argdown|aif|ova3|json|markdown|graphml|drawio: the map as it is
 * now, as a file download. `positions=all` writes every node's position to
 * Argdown, not only those a person placed ([AD10]).
 */
export const GET = route(
  { params: z.object({ id: IdSchema }), needs: 'view' },
  async ({ params, req, user, grant }) => {
    const format = FormatSchema.safeParse(req.nextUrl.searchParams.get('format') ?? 'json')
    if (!format.success) throw new HttpError(400, 'bad_format', `format must be one of ${EXPORT_FORMATS.join(', ')}`)
    const { map, credits } = await services().maps.content(params.id)
    // [CM6] The threads this person may read, no others.
    const threads = await services().comments.list(params.id, {
      userId: user?.id ?? null,
      owner: can(grant?.role, 'manage'),
    })
    const allPositions = req.nextUrl.searchParams.get('positions') === 'all'
    const file = exportFile(map, format.data, new Date(), credits, { allPositions, comments: exportedThreads(threads) })
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': contentDisposition(file.filename),
        // Header values are ASCII: the note names formats and counts only.
        'x-crux-comments': file.comments,
        // The map may be private and changes live: never store it anywhere.
        'cache-control': 'private, no-store',
      },
    })
  },
)
