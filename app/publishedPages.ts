import type { Metadata } from 'next'
import { publishedMetadata } from '@/components/published/metadata'
import type { PublishedView } from '@/core/publishing/view'
import { services } from '@/server/app/registry'
import { publishedVersion } from '@/server/publishing/versionParam'

/**
 * What the four published addresses share (/p/<slug>, /p/<slug>/v/<n>, /embed/<slug>,
 * /embed/<slug>/v/<n>): which view an address names, and its link-preview metadata. Each page
 * then only says how it shows the view.
 */
export type LatestParams = Promise<{ slug: string }>
export type VersionParams = Promise<{ slug: string; n: string }>

export const latestView = async (params: LatestParams) => services().publishing.latest((await params).slug)
export const versionView = publishedVersion

export function metadataOf(view: PublishedView | null): Metadata {
  return view ? publishedMetadata(view) : { title: 'Not published' }
}

/** None at build time: each page is rendered on its first request, then cached. */
export async function noneAtBuildTime(): Promise<never[]> {
  return []
}
