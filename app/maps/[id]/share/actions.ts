'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { PublicRoleSchema, RoleSchema, ShareableRoleSchema } from '@/core/permissions'
import { mapAction, MapIdField, type ActionResult } from '@/server/app/action'
import { services } from '@/server/app/registry'
import { EmailSchema } from '@/server/auth/accounts'
import { OWN_WORK_SETTINGS } from '@/server/auth/access'

// [PR9] Only owners manage sharing: every action here needs 'manage', re-checked on the server by mapAction.
const asOwner = <S extends z.ZodRawShape>(fields: S) => ({
  input: z.object({ ...MapIdField, ...fields }),
  needs: 'manage' as const,
})
const UserIdField = z.string().min(1).max(64)
const done = (mapId: string) => revalidatePath(`/maps/${mapId}/share`)

export const setRoleAction = mapAction(asOwner({ userId: UserIdField, role: RoleSchema }), async (input) => {
  const result = await services().access.setRole(input.mapId, input.userId, input.role)
  if (!result.ok) return result
  done(input.mapId)
})

export const removeMemberAction = mapAction(asOwner({ userId: UserIdField }), async (input) => {
  const result = await services().access.removeMember(input.mapId, input.userId)
  if (!result.ok) return result
  done(input.mapId)
})

export const createLinkAction = mapAction(
  asOwner({
    role: ShareableRoleSchema,
    hours: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 365)
      .default(0),
    group: z.string().trim().max(60).optional(),
  }),
  async (input, { user }) => {
    await services().access.createShareLink(input.mapId, user.id, {
      role: input.role,
      expiresAt: input.hours > 0 ? new Date(Date.now() + input.hours * 3_600_000) : null,
      group: input.group || null,
    })
    done(input.mapId)
  },
)

export const revokeLinkAction = mapAction(asOwner({ linkId: IdSchema }), async (input) => {
  await services().access.revokeShareLink(input.mapId, input.linkId)
  done(input.mapId)
})

export const setPublicRoleAction = mapAction(asOwner({ publicRole: PublicRoleSchema }), async (input) => {
  await services().access.setPublicRole(input.mapId, input.publicRole)
  done(input.mapId)
})

/** [PR10] Adds an existing account by its email; answers in words, so the form can say what happened. */
export const inviteAction = mapAction(
  asOwner({ email: EmailSchema, role: RoleSchema }),
  async (input): Promise<ActionResult> => {
    const result = await services().access.invite(input.mapId, input.email, input.role)
    if (!result.ok) return result
    done(input.mapId)
    return { ok: true, notice: `${result.name} can now open this map as ${input.role}.` }
  },
)

/** [PA10] The own-work policy, and whether published versions name authors. */
export const setContributionSettingsAction = mapAction(
  asOwner({ ownWork: z.enum(OWN_WORK_SETTINGS), publishAuthors: z.enum(['on']).optional() }),
  async (input) => {
    await services().access.setSettings(input.mapId, {
      ownWork: input.ownWork,
      publishAuthors: input.publishAuthors === 'on',
    })
    done(input.mapId)
  },
)
