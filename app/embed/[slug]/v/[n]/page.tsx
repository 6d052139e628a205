import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { EmbeddedMap } from '@/components/published/PublishedMap'
import { publishedMetadata } from '@/components/published/metadata'
import { publishedVersion } from '@/server/publishing/versionParam'

// Rendered once, then served from Next's page cache; publish and unpublish revalidate it.
export const revalidate = 60

/** None at build time: each page is rendered on its first request, then cached. */
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; n: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await publishedVersion(params)
  return view ? publishedMetadata(view) : { title: 'Not published' }
}

/** An embed pinned to one version: an article keeps showing what it cited, whatever is published later. */
export default async function PinnedEmbedPage({ params }: Props) {
  const view = await publishedVersion(params)
  if (!view) notFound()
  return <EmbeddedMap view={view} />
}
