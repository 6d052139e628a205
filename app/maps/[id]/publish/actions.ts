'use server'

import { revalidatePath } from 'next/cache'
import { IdSchema } from '@/core/graph'
import { can } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { currentUser } from '@/server/app/viewer'
import { revalidatePublishedPages } from '@/server/publishing/revalidate'

function revalidatePublished(mapId: string): void {
  revalidatePath(`/maps/${mapId}/publish`)
  revalidatePublishedPages()
}

/** [PR9] Publishing is an owner's act; the action checks that itself (the service checks again). */
async function asOwner(form: FormData): Promise<{ mapId: string; userId: string }> {
  const mapId = IdSchema.parse(form.get('mapId'))
  const user = await currentUser()
  const grant = await services().access.grant(mapId, user?.id ?? null)
  if (!user || !can(grant.role, 'manage')) throw new Error('Only owners can publish a map')
  return { mapId, userId: user.id }
}

export async function publishAction(form: FormData): Promise<void> {
  const { mapId, userId } = await asOwner(form)
  const result = await services().publishing.publish(mapId, userId)
  if (!result.ok) throw new Error(result.error)
  revalidatePublished(mapId)
}

export async function unpublishAction(form: FormData): Promise<void> {
  const { mapId, userId } = await asOwner(form)
  const result = await services().publishing.unpublish(mapId, userId)
  if (!result.ok) throw new Error(result.error)
  revalidatePublished(mapId)
}
