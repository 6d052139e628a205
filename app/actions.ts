'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { IdSchema, MAP_TITLE_MAX } from '@/core/graph'
import { can, type Action } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { copyMap } from '@/server/copies'
import { currentUser } from '@/server/app/viewer'
import { revalidatePublishedPages } from '@/server/publishing/revalidate'

const TitleSchema = z.string().trim().min(1, 'A map needs a title').max(MAP_TITLE_MAX)

export type ActionResult = { ok: true } | { ok: false; error: string }
export type CopyActionResult = { ok: true; id: string } | { ok: false; error: string }

/** [PH2] Server actions check the caller's role on the map themselves: the UI hiding a button is no protection. */
async function allowed(mapId: string, action: Action): Promise<string | null> {
  const user = await currentUser()
  const grant = await services().access.grant(mapId, user?.id ?? null)
  if (!grant.role) return 'No such map'
  return can(grant.role, action) ? null : `Your role (${grant.role}) cannot do that`
}

export async function createMapAction(formData: FormData): Promise<void> {
  const user = await currentUser()
  if (!user || user.isGuest) redirect('/signin?next=/')
  const title = TitleSchema.safeParse(formData.get('title') || 'Untitled map')
  const meta = await services().maps.create({ title: title.success ? title.data : 'Untitled map', ownerId: user.id })
  redirect(`/maps/${meta.id}`)
}

export async function renameMapAction(id: string, title: string): Promise<ActionResult> {
  const input = z.object({ id: IdSchema, title: TitleSchema }).safeParse({ id, title })
  if (!input.success) return { ok: false, error: input.error.issues[0]?.message ?? 'invalid input' }
  const denied = await allowed(input.data.id, 'manage')
  if (denied) return { ok: false, error: denied }
  await services().maps.rename(input.data.id, input.data.title)
  revalidatePath('/')
  return { ok: true }
}

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

export async function deleteMapAction(id: string): Promise<ActionResult> {
  const input = IdSchema.safeParse(id)
  if (!input.success) return { ok: false, error: 'No such map' }
  const denied = await allowed(input.data, 'manage')
  if (denied) return { ok: false, error: denied }
  await services().maps.remove(input.data)
  revalidatePath('/')
  revalidatePublishedPages()
  return { ok: true }
}
