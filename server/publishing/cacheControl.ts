/**
 * Cache-Control for published pages, set by the proxy (Next keeps a header
 * that is already set on a dynamic page). A numbered version never changes,
 * so shared caches may keep it; the newest-version address changes on every
 * republish, so it is kept briefly. Everything else is left to Next.
 */
export const VERSION_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'
export const LATEST_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=60'

export function publishedCacheControl(pathname: string): string | null {
  if (/^\/(?:p|embed)\/[^/]+\/v\/[^/]+\/?$/.test(pathname)) return VERSION_CACHE_CONTROL
  if (/^\/(?:p|embed)\/[^/]+\/?$/.test(pathname)) return LATEST_CACHE_CONTROL
  return null
}
