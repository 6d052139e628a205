import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import PublishedCanvas from '@/components/published/PublishedCanvas'
import styles from '@/components/published/published.module.css'
import { IdSchema } from '@/core/graph'
import { checkpointLabel } from '@/core/history'
import { services } from '@/server/app/registry'
import { checkMapRole } from '@/server/auth/mapRole'
import { currentUser } from '@/server/app/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string; cp: string }> }

export const metadata: Metadata = { title: 'Checkpoint' }

/** [HI2] A checkpoint, read-only: the map as it was, no websocket, nothing to write. */
export default async function CheckpointPage({ params }: Props) {
  const { id, cp } = await params
  if (!IdSchema.safeParse(id).success || !IdSchema.safeParse(cp).success) notFound()
  const user = await currentUser()
  const check = await checkMapRole(services().access, id, user?.id ?? null, 'view')
  if (!check.ok) {
    if (!user) redirect(`/signin?next=/maps/${id}/history/${cp}`)
    notFound()
  }
  const checkpoint = await services().history.get(id, cp)
  if (!checkpoint) notFound()
  const map = await services().history.graphAt(id, cp)
  return (
    <div className={styles.page} data-testid="checkpoint-page" data-checkpoint-id={cp}>
      <header className={styles.header}>
        <h1>{map.title}</h1>
        <span className={styles.meta}>
          <strong data-testid="checkpoint-page-label">{checkpointLabel(checkpoint)}</strong> ·{' '}
          <time dateTime={checkpoint.createdAt}>{checkpoint.createdAt.slice(0, 16).replace('T', ' ')}</time> · read-only
          · <Link href={`/maps/${id}`}>back to the live map</Link>
        </span>
      </header>
      <section className={styles.canvasPane} aria-label="Map canvas at this checkpoint">
        <PublishedCanvas map={map} badges={{}} />
      </section>
    </div>
  )
}
