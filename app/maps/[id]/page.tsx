import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { joinOpenMapAction } from '@/app/auth-actions'
import styles from '@/app/auth.module.css'
import ActionForm from '@/components/auth/ActionForm'
import MapEditor from '@/components/map/MapEditorLoader'
import { IdSchema } from '@/core/graph'
import { can } from '@/core/permissions'
import { services } from '@/server/app/registry'
import { currentUser, requireMapRole } from '@/server/app/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

/** The map and the caller's role on it; null when the caller may not know it exists. */
async function visibleMap(id: string) {
  if (!IdSchema.safeParse(id).success) return null
  const user = await currentUser()
  const map = await services().maps.get(id)
  if (!map) return null
  const role = await requireMapRole(id, 'view', user).then(
    (granted) => granted.role,
    () => null,
  )
  return { map, user, role }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await visibleMap((await params).id)
  return { title: found?.role ? found.map.title : 'Map' }
}

export default async function MapPage({ params }: Props) {
  const id = (await params).id
  const found = await visibleMap(id)
  if (!found) notFound()
  const { map, user, role } = found
  if (!role) {
    if (!user) redirect(`/signin?next=/maps/${id}`)
    notFound()
  }
  if (!user) {
    // Open to anyone with the address, but presence needs a name.
    return (
      <main className={styles.page}>
        <h1>{map.title}</h1>
        <p>Choose the name others will see next to your cursor.</p>
        <ActionForm
          action={joinOpenMapAction}
          testId="guest-name-form"
          hidden={{ mapId: id }}
          submitLabel="Open the map"
          fields={[{ name: 'name', label: 'Your name', autoComplete: 'name', maxLength: 60 }]}
        />
      </main>
    )
  }
  // An empty wsUrl lets the browser derive it from its own location (same host, /ws).
  return <MapEditor mapId={map.id} title={map.title} wsUrl="" readOnly={!can(role, 'edit')} />
}
