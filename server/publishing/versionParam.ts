import { services } from '../app/registry'

/** Only plain decimal numbers: "01" or "1e0" would make a second address for one version. */
const VERSION_NUMBER = /^[1-9][0-9]{0,8}$/

/** The published version a `/p/<slug>/v/<n>` or `/embed/<slug>/v/<n>` address names, or null. */
export async function publishedVersion(params: Promise<{ slug: string; n: string }>) {
  const { slug, n } = await params
  if (!VERSION_NUMBER.test(n)) return null
  return services().publishing.version(slug, Number(n))
}
