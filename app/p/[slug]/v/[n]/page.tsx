import { notFound } from 'next/navigation'
import { versionView, metadataOf, noneAtBuildTime, type VersionParams } from '@/app/publishedPages'
import { PublishedMap } from '@/components/published/PublishedMap'

// Rendered once, then served from Next's page cache; publish and unpublish revalidate it.
export const revalidate = 60
export const generateStaticParams = noneAtBuildTime

type Props = { params: VersionParams }

export async function generateMetadata({ params }: Props) {
  return metadataOf(await versionView(params))
}

/** One immutable published version. */
export default async function PublishedVersionPage({ params }: Props) {
  const view = await versionView(params)
  if (!view) notFound()
  return <PublishedMap view={view} pinned />
}
