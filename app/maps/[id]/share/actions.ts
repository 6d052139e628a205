'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { PublicRoleSchema, RoleSchema, ShareableRoleSchema, can } from '@/core/permissions'
import type { FormState } from '@/app/auth-actions'
import { services } from '@/server/app/registry'
import { EmailSchema } from '@/server/auth/accounts'
import { currentUser } from '@/server/app/viewer'

/** [PR9] Only owners manage sharing; every action re-checks that on the server. */
async function asOwner(mapId: string): Promise<{ userId: string }> {
  const user = await currentUser()
  const grant = await services().access.grant(mapId, user?.id ?? null)
  if (!user || !can(grant.role, 'manage')) throw new Error('Only owners can change sharing')
  return { userId: user.id }
}

const done = (mapId: string) => revalidatePath(`/maps/${mapId}/share`)

export async function setRoleAction(form: FormData): Promise<void> {
  const input = z
    .object({ mapId: IdSchema, userId: z.string().min(1).max(64), role: RoleSchema })
    .parse({ mapId: form.get('mapId'), userId: form.get('userId'), role: form.get('role') })
  await asOwner(input.mapId)
  const result = await services().access.setRole(input.mapId, input.userId, input.role)
  if (!result.ok) throw new Error(result.error)
  done(input.mapId)
}

export async function removeMemberAction(form: FormData): Promise<void> {
  const input = z.object({ mapId: IdSchema, userId: z.string().min(1).max(64) }).parse({ mapId: form.get('mapId'), userId: form.get('userId') })
  await asOwner(input.mapId)
  const result = await services().access.removeMember(input.mapId, input.userId)
  if (!result.ok) throw new Error(result.error)
  done(input.mapId)
}

export async function createLinkAction(form: FormData): Promise<void> {
  const input = z
    .object({
      mapId: IdSchema,
      role: ShareableRoleSchema,
      hours: z.coerce.number().int().min(0).max(24 * 365),
      group: z.string().trim().max(60).optional(),
    })
    .parse({ mapId: form.get('mapId'), role: form.get('role'), hours: form.get('hours') ?? 0, group: form.get('group') ?? undefined })
  const { userId } = await asOwner(input.mapId)
  await services().access.createShareLink(input.mapId, userId, {
    role: input.role,
    expiresAt: input.hours > 0 ? new Date(Date.now() + input.hours * 3_600_000) : null,
    group: input.group || null,
  })
  done(input.mapId)
}

export async function revokeLinkAction(form: FormData): Promise<void> {
  const input = z.object({ mapId: IdSchema, linkId: IdSchema }).parse({ mapId: form.get('mapId'), linkId: form.get('linkId') })
  await asOwner(input.mapId)
  await services().access.revokeShareLink(input.mapId, input.linkId)
  done(input.mapId)
}

export async function setPublicRoleAction(form: FormData): Promise<void> {
  const input = z.object({ mapId: IdSchema, publicRole: PublicRoleSchema }).parse({ mapId: form.get('mapId'), publicRole: form.get('publicRole') })
  await asOwner(input.mapId)
  await services().access.setPublicRole(input.mapId, input.publicRole)
  done(input.mapId)
}

/** [PR10] Adds an existing account by its email; answers in words, so the form can say what happened. */
export async function inviteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = z
    .object({ mapId: IdSchema, email: EmailSchema, role: RoleSchema })
    .safeParse({ mapId: form.get('mapId'), email: form.get('email'), role: form.get('role') })
  const typed = { email: String(form.get('email') ?? '').slice(0, 254) }
  if (!input.success) return { error: input.error.issues[0]?.message ?? 'Invalid input', values: typed }
  const user = await currentUser()
  const grant = await services().access.grant(input.data.mapId, user?.id ?? null)
  if (!user || !can(grant.role, 'manage')) return { error: 'Only owners can invite people', values: typed }
  const result = await services().access.invite(input.data.mapId, input.data.email, input.data.role)
  if (!result.ok) return { error: result.error, values: typed }
  done(input.data.mapId)
  return { error: null, notice: `${result.name} can now open this map as ${input.data.role}.` }
}
