/**
 * Baseline for bench/published.ts: a page Next renders once at build time and
 * serves from its cache, with no data. The published page is measured against it.
 */
export const dynamic = 'force-static'
export const metadata = { title: 'Static baseline' }

export default function BenchStaticPage() {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 24 }}>
      <h1>Static baseline</h1>
      <p>This page has no data and no script of its own; it exists to measure the server against.</p>
    </main>
  )
}
