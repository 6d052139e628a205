import { NextResponse } from 'next/server'
import { z } from 'zod'
import { loadSource } from '@/content'
import { notFound, route } from '@/server/http/route'

/** The article text never changes under an id (its SHA-256 is in the metadata), so browsers may keep it a day. */
const CACHE = 'public, max-age=86400, stale-while-revalidate=604800'

/** A source article and its metadata, `{ meta, text }`; public, like the seed maps built on it. */
export const GET = route(
  {
    params: z.object({
      id: z
        .string()
        .max(64)
        .regex(/^[a-z0-9-]+$/),
    }),
  },
  async ({ params }) => {
    const source = await loadSource(params.id).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw notFound('source')
      throw err
    })
    return NextResponse.json(source, { headers: { 'Cache-Control': CACHE, ETag: `"${source.meta.sha256}"` } })
  },
)
