import { notFound } from 'next/navigation'
import { versionView, metadataOf, noneAtBuildTime, type VersionParams } from '@/app/publishedPages'
import { EmbeddedMap } from '@/components/published/PublishedMap'

// Rendered once, then served from Next's page cache; publish and unpublish revalidate it.
export const revalidate = 60
export const generateStaticParams = noneAtBuildTime

type Props = { params: VersionParams }

export async function generateMetadata({ params }: Props) {
  return metadataOf(await versionView(params))
}

/** An embed pinned to one version: an article keeps showing what it cited, whatever is published later. */
export default async function PinnedEmbedPage({ params }: Props) {
  const view = await versionView(params)
  if (!view) notFound()
  return <EmbeddedMap view={view} />
}
