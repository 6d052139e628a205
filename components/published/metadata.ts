import type { Metadata } from 'next'
import type { PublishedView } from '@/core/publishing/view'

/**
 * Title and the main thesis for link previews (OpenGraph). No absolute URL:
 * the app does not know its public origin (no metadataBase), and a wrong one is worse than none.
 */
export function publishedMetadata(view: PublishedView): Metadata {
  const description = view.description || `An argument map published with Crux (version ${view.number}).`
  return {
    title: view.title,
    description,
    openGraph: {
      title: view.title,
      description,
      type: 'article',
      publishedTime: view.publishedAt.toISOString(),
      siteName: 'Crux',
    },
  }
}
