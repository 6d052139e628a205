import Link from 'next/link'
import { createMapAction } from './actions'
import { signOutAction } from './auth-actions'
import MapRow from '@/components/home/MapRow'
import { services } from '@/server/app/registry'
import { currentUser } from '@/server/app/viewer'
import styles from './home.module.css'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const user = await currentUser()
  const maps = await services().maps.listFor(user?.id ?? null)
  const canCreate = user && !user.isGuest
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1>Crux</h1>
          <p>Map an argument together, in real time, and see which claims stand.</p>
        </div>
        <nav className={styles.account} aria-label="Account">
          {user ? (
            <form action={signOutAction}>
              <span data-testid="signed-in-as">{user.name}</span>{' '}
              <Link href="/classes" data-testid="classes-link">
                Classes
              </Link>{' '}
              <button type="submit">Sign out</button>
            </form>
          ) : (
            <>
              <Link href="/signin">Sign in</Link> · <Link href="/signup">Create account</Link> ·{' '}
              <Link href="/join">Join with a code</Link>
            </>
          )}
        </nav>
      </header>
      {canCreate ? (
        <form action={createMapAction} className={styles.create} aria-label="Create a map">
          <label htmlFor="new-map-title" className="visually-hidden">
            Title of the new map
          </label>
          <input id="new-map-title" name="title" type="text" placeholder="Title of a new map" maxLength={200} />
          <button type="submit" className="primary" data-testid="create-map">
            Create map
          </button>
          <a href="/maps/import" className={styles.importLink}>
            Import a file…
          </a>
        </form>
      ) : (
        <p className={styles.hint}>
          <Link href="/signin">Sign in</Link> to create maps of your own.
        </p>
      )}
      <section aria-labelledby="maps-heading">
        <h2 id="maps-heading">Maps</h2>
        {maps.length === 0 ? (
          <p>No maps yet.</p>
        ) : (
          <ul className={styles.list} data-testid="map-list">
            {maps.map((m) => (
              <MapRow
                key={m.id}
                id={m.id}
                title={m.title}
                updatedAt={m.updatedAt.toISOString()}
                canManage={m.role === 'owner'}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}
