import { loadSource } from '@/content'
import type { ArgumentMap } from '@/core/graph'
import styles from './published.module.css'

type Source = { id: string; title: string; publisher?: string; href?: string }

/** The article behind a source id, when the app ships it; otherwise the id as the evidence named it. */
async function describeSource(id: string): Promise<Source> {
  try {
    const { meta } = await loadSource(id)
    return { id, title: meta.title, publisher: meta.publisher, href: `/sources/${encodeURIComponent(id)}` }
  } catch {
    return { id, title: id }
  }
}

/** Every source the map's evidence quotes, once each, in the order the map first cites them. */
function citedSourceIds(map: ArgumentMap): string[] {
  return [...new Set(map.nodes.flatMap((n) => (n.source ? [n.source] : [])))]
}

/** "Sources analysed": what the map's evidence is quoted from, linked to the text where the app has it. */
export async function AnalysedSources({ map }: { map: ArgumentMap }) {
  const ids = citedSourceIds(map)
  if (ids.length === 0) return null
  const sources = await Promise.all(ids.map(describeSource))
  return (
    <p className={styles.meta} data-testid="published-sources">
      Sources analysed:{' '}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? '; ' : ''}
          {s.href ? <a href={s.href}>{s.title}</a> : s.title}
          {s.publisher ? ` (${s.publisher})` : ''}
        </span>
      ))}
    </p>
  )
}
