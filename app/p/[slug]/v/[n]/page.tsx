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

type Props = { params: Promise<{ slug: string; n: string }> }

async function load(params: Props['params']) {
  const { slug, n } = await params
  // Only plain decimal numbers: "01" or "1e0" would make a second address for one version.
  if (!/^[1-9][0-9]{0,8}$/.test(n)) return null
  return services().publishing.version(slug, Number(n))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(params)
  return view ? publishedMetadata(view) : { title: 'Not published' }
}

/** One immutable published version. */
export default async function PublishedVersionPage({ params }: Props) {
  const view = await load(params)
  if (!view) notFound()
  return <PublishedMap view={view} pinned />
}
