import BareFlow from './BareFlow'

/**
 * BENCHMARK PAGE, not part of the product: bare React Flow with a map's nodes
 * and edges (default nodes, no Yjs, no evaluation), the baseline that
 * bench/editor-fps.ts drags on side by side with the real editor.
 * `/bench-flow?map=<id>` loads the map through the export route, so it only
 * shows maps the visitor may view.
 */
export const dynamic = 'force-dynamic'
export const metadata = { title: 'Benchmark: bare React Flow', robots: { index: false } }

export default async function BenchFlowPage({ searchParams }: { searchParams: Promise<{ map?: string }> }) {
  const { map } = await searchParams
  return <BareFlow mapId={map ?? ''} />
}
