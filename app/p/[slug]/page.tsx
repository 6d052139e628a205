import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PublishedMap } from '@/components/published/PublishedMap'
import { publishedMetadata } from '@/components/published/metadata'
import { services } from '@/server/app/registry'

// Rendered once, then served from Next's page cache; publish and unpublish revalidate it.
export const revalidate = 60

/** None at build time: each page is rendered on its first request, then cached. */
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await services().publishing.latest((await params).slug)
  return view ? publishedMetadata(view) : { title: 'Not published' }
}

/** The newest published version; served from the publishing cache, read-only, no websocket. */
export default async function LatestPublishedPage({ params }: Props) {
  const view = await services().publishing.latest((await params).slug)
  if (!view) notFound()
  return <PublishedMap view={view} pinned={false} />
}
