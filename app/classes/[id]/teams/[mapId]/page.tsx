import Link from 'next/link'
import { notFound } from 'next/navigation'
import { evaluate } from '@/core/evaluate'
import PublishedCanvas from '@/components/published/PublishedCanvas'
import { services } from '@/server/app/registry'
import { currentUser } from '@/server/app/viewer'

export const dynamic = 'force-dynamic'

/** [PG2] A template's team copies side by side, as they stand now, each linking to its live map. Teachers only. */
export default async function TeamCopiesPage({ params }: { params: Promise<{ id: string; mapId: string }> }) {
  const { id, mapId } = await params
  const user = await currentUser()
  if (!(await services().classes.isTeacher(id, user?.id))) notFound()
  const view = await services().classes.view(id)
  const copies = view?.maps.filter((m) => m.templateId === mapId) ?? []
  const maps = await Promise.all(
    copies.map(async (c) => {
      const map = await services().maps.graph(c.mapId)
      const badges: Record<string, { label: 'IN' | 'OUT' | 'UNDEC'; strength: number; why: string }> = {}
      for (const [nid, e] of evaluate(map).nodes) badges[nid] = { label: e.label, strength: e.strength, why: e.why }
      return { ...c, map, badges }
    }),
  )
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
          <section
            key={m.mapId}
            data-testid="team-copy"
            data-team={m.team ?? ''}
            data-map-id={m.mapId}
            style={{ height: 420, border: '1px solid #ccc', display: 'flex', flexDirection: 'column' }}
          >
            <h2 style={{ fontSize: 16, margin: 4 }}>
              <Link href={`/maps/${m.mapId}`}>Team {m.team}</Link> ({m.map.nodes.length} nodes)
            </h2>
            <div style={{ flex: 1, position: 'relative' }}>
              <PublishedCanvas map={m.map} badges={m.badges} />
            </div>
          </section>
        ))}
      </div>
    </main>
  )
}
