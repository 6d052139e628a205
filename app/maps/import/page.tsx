import Link from 'next/link'
import { redirect } from 'next/navigation'
import styles from './import.module.css'
import { ImportForm } from '@/components/interchange/ImportForm'
import { currentUser } from '@/server/app/viewer'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Import a map' }

/** Argdown, AIF (AIFdb, OVA3) or Crux JSON into a new map the importer owns. */
export default async function ImportPage() {
  const user = await currentUser()
  if (!user || user.isGuest) redirect('/signin?next=/maps/import')
  return (
    <main className={styles.page}>
      <p>
        <Link href="/">← All maps</Link>
      </p>
      <h1>Import a map</h1>
      <p>
        Upload or paste an Argdown file, an AIF file from AIFdb or OVA3, or a Crux JSON export. If anything in the file
        is wrong, nothing is created and every problem is listed with where it is.
      </p>
      <ImportForm />
    </main>
  )
}
