'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'
import { MAP_TITLE_MAX } from '@/server/maps'

const TitleSchema = z.string().trim().min(1, 'A map needs a title').max(MAP_TITLE_MAX)

export type ActionResult = { ok: true } | { ok: false; error: string }

function fail(err: z.ZodError): ActionResult {
  return { ok: false, error: err.issues[0]?.message ?? 'invalid input' }
}

export async function createMapAction(formData: FormData): Promise<void> {
  const title = TitleSchema.safeParse(formData.get('title') || 'Untitled map')
  const meta = await services().maps.create({ title: title.success ? title.data : 'Untitled map' })
  redirect(`/maps/${meta.id}`)
}

export async function renameMapAction(id: string, title: string): Promise<ActionResult> {
  const input = z.object({ id: IdSchema, title: TitleSchema }).safeParse({ id, title })
  if (!input.success) return fail(input.error)
  if (!(await services().maps.get(input.data.id))) return { ok: false, error: 'No such map' }
  await services().maps.rename(input.data.id, input.data.title)
  revalidatePath('/')
  return { ok: true }
}

export async function deleteMapAction(id: string): Promise<ActionResult> {
  const input = IdSchema.safeParse(id)
  if (!input.success) return fail(input.error)
  const removed = await services().maps.remove(input.data)
  revalidatePath('/')
  return removed ? { ok: true } : { ok: false, error: 'No such map' }
}
