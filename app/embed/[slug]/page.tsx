import { notFound } from 'next/navigation'
import { latestView, metadataOf, noneAtBuildTime, type LatestParams } from '@/app/publishedPages'
import { EmbeddedMap } from '@/components/published/PublishedMap'

// Rendered once, then served from Next's page cache; publish and unpublish revalidate it.
export const revalidate = 60
export const generateStaticParams = noneAtBuildTime

type Props = { params: LatestParams }

export async function generateMetadata({ params }: Props) {
  return metadataOf(await latestView(params))
}

/** For iframes on other sites: the proxy allows framing for /embed/ only. */
export default async function EmbedPage({ params }: Props) {
  const view = await latestView(params)
  if (!view) notFound()
  return <EmbeddedMap view={view} />
}
