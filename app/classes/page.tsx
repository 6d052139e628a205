import Link from 'next/link'
import { redirect } from 'next/navigation'
import { createClassAction } from './actions'
import { services } from '@/server/app/registry'
import { currentUser } from '@/server/app/viewer'
import styles from '../home.module.css'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Classes' }

/** [PK1] The classes a person teaches or attends; accounts (not guests) create new ones. */
export default async function ClassesPage() {
  const user = await currentUser()
  if (!user) redirect('/signin?next=/classes')
  const classes = await services().classes.listFor(user.id)
  return (
    <main className={styles.page}>
      <h1>Classes</h1>
      {!user.isGuest && (
        <form action={createClassAction} className={styles.create} aria-label="Create a class">
          <label htmlFor="new-class-name" className="visually-hidden">
            Name of the new class
          </label>
          <input id="new-class-name" name="name" placeholder="Name of a new class" maxLength={100} required />
          <button type="submit" className="primary" data-testid="create-class">
            Create class
          </button>
        </form>
      )}
      {classes.length === 0 ? (
        <p>No classes yet.</p>
      ) : (
        <ul className={styles.list} data-testid="class-list">
          {classes.map((c) => (
            <li key={c.id}>
              <Link href={`/classes/${c.id}`}>{c.name}</Link> ({c.role}
              {c.team ? `, team ${c.team}` : ''})
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/">All maps</Link>
      </p>
    </main>
  )
}
