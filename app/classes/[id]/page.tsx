import Link from 'next/link'
import { notFound } from 'next/navigation'
import { assignMapAction, copyToTeamsAction, myCodeAction } from '../actions'
import { SignInList } from '../SignInList'
import { TeacherPanel } from './TeacherPanel'
import { services } from '@/server/app/registry'
import { currentUser } from '@/server/app/viewer'
import styles from '../../home.module.css'

export const dynamic = 'force-dynamic'

/** [PK1]–[PK5] A class: its teachers manage it here; its students find their maps and their sign-in code. */
export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await currentUser()
  const view = await services().classes.view(id)
  const me = view?.members.find((m) => m.userId === user?.id)
  // Whether a class exists is not revealed to people outside it.
  if (!view || !me) notFound()
  const teacher = me.role === 'teacher'
  const ownMaps = teacher
    ? (await services().maps.listFor(user!.id)).filter(
        (m) => m.role === 'owner' && !view.maps.some((c) => c.mapId === m.id),
      )
    : []
  const myMaps = view.maps.filter((m) => teacher || m.team === null || m.team === me.team)
  return (
    <main className={styles.page}>
      <h1 data-testid="class-name">{view.name}</h1>
      {teacher && (
        <p>
          Class join code: <code data-testid="class-join-code">{view.joinCode}</code> (students enter it at /join with
          their name)
        </p>
      )}
      {!teacher && <p data-testid="student-team">{me.team ? `Your team: ${me.team}` : 'You are not in a team yet.'}</p>}
      <section aria-labelledby="class-maps">
        <h2 id="class-maps">Maps</h2>
        <ul className={styles.list} data-testid="class-maps">
          {myMaps.map((m) => (
            <li key={m.mapId} data-testid="class-map" data-map-id={m.mapId}>
              <Link href={`/maps/${m.mapId}`}>{m.title}</Link>
              {m.team ? ` (team ${m.team})` : ''}
              {teacher && m.team === null && (
                <>
                  {' '}
                  <form action={copyToTeamsAction} style={{ display: 'inline' }}>
                    <input type="hidden" name="classId" value={view.id} />
                    <input type="hidden" name="mapId" value={m.mapId} />
                    <button type="submit" data-testid="copy-to-teams">
                      Copy to each team
                    </button>
                  </form>{' '}
                  {view.maps.some((c) => c.templateId === m.mapId) && (
                    <Link href={`/classes/${view.id}/teams/${m.mapId}`} data-testid="team-copies-link">
                      team copies side by side
                    </Link>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
        {teacher && (
          <form action={assignMapAction} aria-label="Assign a map" data-testid="assign-map">
            <input type="hidden" name="classId" value={view.id} />
            <select name="mapId" aria-label="One of your maps" defaultValue="">
              <option value="">a new map, titled…</option>
              {ownMaps.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
            <input name="title" placeholder="Title of the new map" maxLength={200} aria-label="Title of the new map" />
            <button type="submit">Assign to the class</button>
          </form>
        )}
      </section>
      {teacher ? (
        <TeacherPanel view={view} />
      ) : (
        <section aria-labelledby="my-code">
          <h2 id="my-code">Sign in on another device</h2>
          <SignInList
            action={myCodeAction}
            classId={view.id}
            className={view.name}
            submitLabel="Show me a new personal code"
            testId="my-code"
          />
        </section>
      )}
      <p>
        <Link href="/classes">All classes</Link>
      </p>
    </main>
  )
}
