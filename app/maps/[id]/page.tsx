import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import MapEditor from '@/components/map/MapEditor'
import { IdSchema } from '@/core/graph'
import { services } from '@/server/app/registry'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

async function findMap(id: string) {
  return IdSchema.safeParse(id).success ? services().maps.get(id) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const map = await findMap((await params).id)
  return { title: map?.title ?? 'Map not found' }
}

export default async function MapPage({ params }: Props) {
  const map = await findMap((await params).id)
  if (!map) notFound()
  // An empty wsUrl lets the browser derive it from its own location (same host, /ws).
  return <MapEditor mapId={map.id} title={map.title} wsUrl="" />
}
