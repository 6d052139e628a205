import { createMapAction } from './actions'
import MapRow from '@/components/home/MapRow'
import { services } from '@/server/app/registry'
import styles from './home.module.css'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const maps = await services().maps.list()
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>Crux</h1>
        <p>Map an argument together, in real time, and see which claims stand.</p>
      </header>
      <form action={createMapAction} className={styles.create} aria-label="Create a map">
        <label htmlFor="new-map-title" className="visually-hidden">
          Title of the new map
        </label>
        <input id="new-map-title" name="title" type="text" placeholder="Title of a new map" maxLength={200} />
        <button type="submit" className="primary" data-testid="create-map">
          Create map
        </button>
      </form>
      <section aria-labelledby="maps-heading">
        <h2 id="maps-heading">Maps</h2>
        {maps.length === 0 ? (
          <p>No maps yet. Create one above.</p>
        ) : (
          <ul className={styles.list} data-testid="map-list">
            {maps.map((m) => (
              <MapRow key={m.id} id={m.id} title={m.title} updatedAt={m.updatedAt.toISOString()} />
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}
