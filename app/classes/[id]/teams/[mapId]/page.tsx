import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LiveTeamCopy } from '@/components/classes/LiveTeamCopy'
import { services } from '@/server/app/registry'
import { currentUser } from '@/server/app/viewer'

export const dynamic = 'force-dynamic'

/** [PG2] [PG3] A template's team copies side by side, each kept live and linking to its map. Teachers only. */
export default async function TeamCopiesPage({ params }: { params: Promise<{ id: string; mapId: string }> }) {
  const { id, mapId } = await params
  const user = await currentUser()
  if (!(await services().classes.isTeacher(id, user?.id))) notFound()
  const view = await services().classes.view(id)
  const copies = view?.maps.filter((m) => m.templateId === mapId) ?? []
  const maps = await Promise.all(copies.map(async (c) => ({ ...c, map: await services().maps.graph(c.mapId) })))
  return (
    <main style={{ padding: 16 }}>
      <h1>Team copies</h1>
      <p>
        <Link href={`/classes/${id}`}>Back to the class</Link>
      </p>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${Math.max(1, Math.min(3, maps.length))}, 1fr)`,
          gap: 12,
        }}
        data-testid="team-copies"
      >
        {maps.map((m) => (
          <LiveTeamCopy key={m.mapId} mapId={m.mapId} team={m.team} initial={m.map} />
        ))}
      </div>
    </main>
  )
}
