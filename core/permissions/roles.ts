import { z } from 'zod'

/** Per-map roles, weakest first. See SPEC.md [PR1]. */
export const ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const
export type Role = (typeof ROLES)[number]
export const RoleSchema = z.enum(ROLES)

/** What anyone holding a map's address gets, besides members ([PR4]). */
export const PUBLIC_ROLES = ['none', 'viewer', 'commenter', 'editor'] as const
export type PublicRole = (typeof PUBLIC_ROLES)[number]
export const PublicRoleSchema = z.enum(PUBLIC_ROLES)

/** Roles a share link may grant: never ownership ([PR6]). */
export const SHAREABLE_ROLES = ['viewer', 'commenter', 'editor'] as const
export const ShareableRoleSchema = z.enum(SHAREABLE_ROLES)

export type Action =
  | 'view' //           read the map, see presence
  | 'comment' //        add comments (no map content)
  | 'edit' //           change nodes, relations, votes
  | 'manage' //         rename, share, change roles, publish, delete

const NEEDS: Record<Action, Role> = {
  view: 'viewer',
  comment: 'commenter',
  edit: 'editor',
  manage: 'owner',
}

export function rank(role: Role | PublicRole | null | undefined): number {
  return role ? ROLES.indexOf(role as Role) : -1
}

/** [PR2] A role allows an action when it is at least the role the action needs. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return rank(role) >= rank(NEEDS[action])
}

/** [PR3] The stronger of a membership role and the public role; null when neither grants anything. */
export function effectiveRole(member: Role | null | undefined, publicRole: PublicRole): Role | null {
  const pub = publicRole === 'none' ? null : publicRole
  if (!member) return pub
  if (!pub) return member
  return rank(member) >= rank(pub) ? member : pub
}
