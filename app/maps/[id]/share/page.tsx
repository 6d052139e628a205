import Link from 'next/link'
import {
  createLinkAction,
  inviteAction,
  removeMemberAction,
  revokeLinkAction,
  setContributionSettingsAction,
  setPublicRoleAction,
  setRoleAction,
} from './actions'
import styles from './share.module.css'
import { MapActionForm } from '@/components/forms/MapActionForm'
import { InviteForm } from '@/components/share/InviteForm'
import { PUBLIC_ROLES, ROLES, SHAREABLE_ROLES } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { mapToManage } from '@/server/app/viewer'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Sharing' }

export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const map = await mapToManage(id)
  const [members, links, settings] = await Promise.all([
    services().access.members(id),
    services().access.shareLinks(id),
    services().access.settings(id),
  ])
  // [PR7] The last owner can be neither removed nor demoted: the page does not offer what the server refuses.
  const lastOwner =
    members.filter((m) => m.role === 'owner').length === 1 ? members.find((m) => m.role === 'owner')?.userId : undefined
  return (
    <main className={styles.page}>
      <p>
        <Link href={`/maps/${id}`}>← Back to the map</Link>
      </p>
      <h1>Sharing “{map.title}”</h1>

      <section aria-labelledby="public-h">
        <h2 id="public-h">Anyone with the address</h2>
        <MapActionForm action={setPublicRoleAction} className={styles.inline}>
          <input type="hidden" name="mapId" value={id} />
          <select name="publicRole" defaultValue={map.publicRole} aria-label="Role for anyone with the address">
            {PUBLIC_ROLES.map((r) => (
              <option key={r} value={r}>
                {r === 'none' ? 'no access' : r}
              </option>
            ))}
          </select>
          <button type="submit">Save</button>
        </MapActionForm>
      </section>

      <section aria-labelledby="contrib-h">
        <h2 id="contrib-h">Own work</h2>
        <MapActionForm action={setContributionSettingsAction} className={styles.inline} label="Own-work settings">
          <input type="hidden" name="mapId" value={id} />
          <select
            name="ownWork"
            defaultValue={settings?.ownWork ?? 'code'}
            aria-label="Who changes and deletes only their own work"
            data-testid="own-work-setting"
          >
            <option value="code">
              people who joined by a code change and delete only their own nodes and relations
            </option>
            <option value="editors">every editor changes and deletes only their own nodes and relations</option>
            <option value="off">editors may change anyone’s nodes (except locked ones)</option>
          </select>
          <label>
            <input
              type="checkbox"
              name="publishAuthors"
              value="on"
              defaultChecked={settings?.publishAuthors ?? false}
            />{' '}
            name authors on published versions
          </label>
          <button type="submit">Save</button>
        </MapActionForm>
      </section>

      <section aria-labelledby="members-h">
        <h2 id="members-h">People</h2>
        <table className={styles.table} data-testid="members">
          <thead>
            <tr>
              <th>Name</th>
              <th>Team</th>
              <th>Role</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} data-user-id={m.userId}>
                <td>
                  {m.name}
                  {m.isGuest ? ' (guest)' : ''}
                  {m.email ? <small> {m.email}</small> : null}
                </td>
                <td>{m.group ?? '—'}</td>
                <td>
                  {m.userId === lastOwner ? (
                    <span data-testid="last-owner">owner (the only one: add another owner to change this)</span>
                  ) : (
                    <MapActionForm action={setRoleAction} className={styles.inline}>
                      <input type="hidden" name="mapId" value={id} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <select name="role" defaultValue={m.role} aria-label={`Role of ${m.name}`}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <button type="submit">Change</button>
                    </MapActionForm>
                  )}
                </td>
                <td>
                  {m.userId === lastOwner ? null : (
                    <MapActionForm action={removeMemberAction}>
                      <input type="hidden" name="mapId" value={id} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="danger" aria-label={`Remove ${m.name}`}>
                        Remove
                      </button>
                    </MapActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <InviteForm mapId={id} roles={ROLES} action={inviteAction} />
      </section>

      <section aria-labelledby="links-h">
        <h2 id="links-h">Join codes and links</h2>
        <ul className={styles.links} data-testid="share-links">
          {links.map((l) => (
            <li key={l.id}>
              <code data-testid="join-code">{l.code}</code> grants <strong>{l.role}</strong>
              {l.group ? (
                <>
                  {' '}
                  in team <strong>{l.group}</strong>
                </>
              ) : null}
              {l.expiresAt ? <> until {l.expiresAt.toLocaleString()}</> : null} ·{' '}
              <Link href={`/join?code=${l.code}`}>link</Link>
              <MapActionForm action={revokeLinkAction} className={styles.inline}>
                <input type="hidden" name="mapId" value={id} />
                <input type="hidden" name="linkId" value={l.id} />
                <button type="submit" className="danger">
                  Revoke
                </button>
              </MapActionForm>
            </li>
          ))}
        </ul>
        <MapActionForm action={createLinkAction} className={styles.inline} label="Create a join code">
          <input type="hidden" name="mapId" value={id} />
          <select name="role" defaultValue="editor" aria-label="Role granted">
            {SHAREABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <input type="text" name="group" placeholder="Team (optional)" maxLength={60} aria-label="Team" />
          <select name="hours" defaultValue="0" aria-label="Expires">
            <option value="0">never expires</option>
            <option value="2">expires in 2 hours</option>
            <option value="24">expires in a day</option>
            <option value="168">expires in a week</option>
          </select>
          <button type="submit" className="primary" data-testid="create-link">
            Create code
          </button>
        </MapActionForm>
      </section>
    </main>
  )
}
