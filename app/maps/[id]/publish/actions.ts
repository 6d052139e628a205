'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { mapAction, MapIdField } from '@/server/app/action'
import { services } from '@/server/app/registry'
import { revalidatePublishedPages } from '@/server/publishing/revalidate'

function revalidatePublished(mapId: string): void {
  revalidatePath(`/maps/${mapId}/publish`)
  revalidatePublishedPages()
}

// [PR9] Publishing is an owner's act: mapAction checks that on the server, and the service checks again.
const asOwner = { input: z.object(MapIdField), needs: 'manage' as const }

export const publishAction = mapAction(asOwner, async ({ mapId }, { user }) => {
  const result = await services().publishing.publish(mapId, user.id)
  if (!result.ok) return result
  revalidatePublished(mapId)
})

// [PR12] The byline is the owner's to give; a checkbox sends "on" or nothing.
export const bylineAction = mapAction(
  { input: z.object({ ...MapIdField, byline: z.enum(['on']).optional() }), needs: 'manage' as const },
  async ({ mapId, byline }, { user }) => {
    const result = await services().publishing.setByline(mapId, user.id, byline === 'on')
    if (!result.ok) return result
    revalidatePublished(mapId)
  },
)

export const unpublishAction = mapAction(asOwner, async ({ mapId }, { user }) => {
  const result = await services().publishing.unpublish(mapId, user.id)
  if (!result.ok) return result
  revalidatePublished(mapId)
})
