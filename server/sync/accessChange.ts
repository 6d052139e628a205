import type { Peer, PeerAccess } from './peer'
import type { Room } from './Room'

/** Close codes: 44xx tell the stock client not to retry, 45xx to reconnect. */
export const CLOSE_ACCESS_REVOKED = 4403
export const CLOSE_ROLE_CHANGED = 4501

/**
 * [PS9] [PP5] What one connected person's socket does after their access changed (`after`, null when nothing
 * is left): those who lost access are closed for good; those whose role, name, phase, classroom switches or
 * team changed stop writing under the old rights and reconnect; an own-work change applies at once.
 */
export function applyAccessChange(room: Room, peer: Peer, before: PeerAccess, after: PeerAccess | null): void {
  if (!after) {
    room.setAccess(peer, { ...before, canWrite: false })
    peer.close(CLOSE_ACCESS_REVOKED, 'access revoked')
  } else if (after.canWrite !== before.canWrite || after.role !== before.role) {
    // Writes stop now; the reconnect brings the new role to the client's UI.
    room.setAccess(peer, { ...before, canWrite: after.canWrite && before.canWrite })
    peer.close(CLOSE_ROLE_CHANGED, 'role changed')
  } else if ((after.pseudonym ?? null) !== (before.pseudonym ?? null)) {
    // [PN4] Anonymity turned on or off: writes stop under the old name; the reconnect brings the new one
    // (re-authorized, so the awareness identity and new bindings use it).
    room.setAccess(peer, { ...before, canWrite: false })
    peer.close(CLOSE_ROLE_CHANGED, 'names changed')
  } else if (JSON.stringify(after.phase ?? null) !== JSON.stringify(before.phase ?? null)) {
    // [PP5] The new phase judges the very next frame; the reconnect brings it to the person's screen.
    room.setAccess(peer, { ...before, ownWork: after.ownWork, phase: after.phase ?? null })
    peer.close(CLOSE_ROLE_CHANGED, 'phase changed')
  } else if (
    (after.review === true) !== (before.review === true) ||
    (after.classroom ?? '') !== (before.classroom ?? '')
  ) {
    // [PM1] Judged from the next frame on; the reconnect tells the editor to send new nodes pending.
    // [PN4] [PM2] A map-wide switch (anonymity, review mode) changes what every screen shows, teachers' included.
    room.setAccess(peer, { ...before, review: after.review === true, classroom: after.classroom ?? '' })
    peer.close(CLOSE_ROLE_CHANGED, 'classroom settings changed')
  } else if ((after.group ?? null) !== (before.group ?? null)) {
    // [PK5] A student moved to another team: new work is theirs under the new team; the reconnect shows it.
    room.setAccess(peer, {
      ...before,
      ownWork: after.ownWork,
      ...(after.group ? { group: after.group } : { group: undefined }),
    })
    peer.close(CLOSE_ROLE_CHANGED, 'team changed')
  } else if (after.ownWork !== before.ownWork) {
    // [PA10] The policy is the server's to enforce: it applies to the next update, no reconnect needed.
    room.setAccess(peer, { ...before, ownWork: after.ownWork })
  }
}
