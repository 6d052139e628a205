import { notFound } from 'next/navigation'
import { latestView, metadataOf, noneAtBuildTime, type LatestParams } from '@/app/publishedPages'
import { PublishedMap } from '@/components/published/PublishedMap'

// Rendered once, then served from Next's page cache; publish and unpublish revalidate it.
export const revalidate = 60
export const generateStaticParams = noneAtBuildTime

type Props = { params: LatestParams }

export async function generateMetadata({ params }: Props) {
  return metadataOf(await latestView(params))
}

/** The newest published version; served from the publishing cache, read-only, no websocket. */
export default async function LatestPublishedPage({ params }: Props) {
  const view = await latestView(params)
  if (!view) notFound()
  return <PublishedMap view={view} pinned={false} />
}
