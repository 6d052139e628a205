import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { mapSession } from '@/server/auth/mapSession'
import { HttpError, route } from '@/server/http/route'

export const dynamic = 'force-dynamic'

/**
 * A short-lived token for this map's websocket, with the caller's role and presence identity. Under `npm start`
 * the sync process answers this address itself (server/next/tokenEndpoint.ts); this route serves `npm run dev`.
 */
export const GET = route({ params: z.object({ id: IdSchema }), needs: 'view' }, async ({ params, user, grant }) => {
  if (!user || !grant) throw new HttpError(401, 'unauthenticated', 'Join the map with a name first')
  return mapSession(services(), params.id, user, grant)
})
