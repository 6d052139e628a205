import type { Phase, PhaseSet, Role } from '@/core/permissions'

/** Who the server says this person is on this map, and the token for its socket. */
export type MapSession = {
  token: string
  role: Role
  user: Identity
  /** Team on this map (classroom debates), if any. */
  group: string | null
  /** [PA10] This person changes and deletes only their own nodes and relations. */
  ownWork?: boolean
  /** [PP5] The map's current phase (null: none) and its phase set, for the banner and the teacher's switch. */
  phase?: Phase | null
  phaseSet?: PhaseSet
  /** [PN1] The map shows students as pseudonyms; owners get `realNames` (userId -> name) to see through them. */
  anonymous?: boolean
  realNames?: Record<string, string>
  /** [PM1] The map is in review mode; `review`: this person's new nodes arrive pending. */
  reviewMode?: boolean
  /** [DB1] Owners: each member's team now, for the dashboard's team rows. */
  memberTeams?: Record<string, string | null>
  review?: boolean
  expiresIn: number
}

export type Identity = { id: string; name: string; color: string }

export class MapSessionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export async function fetchMapSession(mapId: string): Promise<MapSession> {
  const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/token`, {
    credentials: 'same-origin',
    cache: 'no-store',
  })
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new MapSessionError(res.status, body?.error?.message ?? `could not join the map (${res.status})`)
  return body as MapSession
}
