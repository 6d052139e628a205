'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { IdSchema, MAP_TITLE_MAX } from '@/core/graph'
import { mapAction, MapIdField, type ActionResult } from '@/server/app/action'
import { services } from '@/server/app/registry'
import { copyMap } from '@/server/copies'
import { currentUser } from '@/server/app/viewer'
import { revalidatePublishedPages } from '@/server/publishing/revalidate'

const TitleSchema = z.string().trim().min(1, 'A map needs a title').max(MAP_TITLE_MAX)

export type CopyActionResult = ActionResult<{ id: string }>

export async function createMapAction(formData: FormData): Promise<void> {
  const user = await currentUser()
  if (!user || user.isGuest) redirect('/signin?next=/')
  const title = TitleSchema.safeParse(formData.get('title') || 'Untitled map')
  const meta = await services().maps.create({ title: title.success ? title.data : 'Untitled map', ownerId: user.id })
  redirect(`/maps/${meta.id}`)
}

/** [PR9] Owners rename; mapAction re-checks the role on the server ([PH2]). */
export const renameMapAction = mapAction(
  { input: z.object({ ...MapIdField, title: TitleSchema }), needs: 'manage' },
  async (input) => {
    await services().maps.rename(input.mapId, input.title)
    revalidatePath('/')
  },
)

/** [PR11] Anyone who may view the map (a guest too) gets their own editable copy; copyMap re-checks the right to view. */
export async function copyMapAction(id: string): Promise<CopyActionResult> {
  const input = IdSchema.safeParse(id)
  if (!input.success) return { ok: false, error: 'No such map' }
  const user = await currentUser()
  if (!user) return { ok: false, error: 'Open the map with your name first' }
  const result = await copyMap(services(), input.data, user.id)
  if (result.ok) revalidatePath('/')
  return result
}

export const deleteMapAction = mapAction({ input: z.object(MapIdField), needs: 'manage' }, async (input) => {
  await services().maps.remove(input.mapId)
  revalidatePath('/')
  revalidatePublishedPages()
})
