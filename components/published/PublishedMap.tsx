import Link from 'next/link'
import type { PublishedView } from '@/core/publishing/view'
import { AnalysedSources } from './AnalysedSources'
import { EmbedFrame } from './EmbedFrame'
import { EvaluationLegend } from './EvaluationLegend'
import { ExportImages } from './ExportImages'
import { Outline } from './Outline'
import PublishedCanvas from './PublishedCanvas'
import styles from './published.module.css'

/** Node id -> text, for the outline's links to repeated nodes. */
function textIndex(view: PublishedView): Record<string, string> {
  return Object.fromEntries(view.map.nodes.map((n) => [n.id, n.text]))
}

/**
 * A published version for readers: the outline (server HTML, works without
 * script) beside the read-only canvas (mounted once script runs).
 */
export function PublishedMap({ view, pinned }: { view: PublishedView; pinned: boolean }) {
  const base = `/p/${view.slug}`
  return (
    <div className={styles.page} data-testid="published-page" data-version={view.number}>
      <header className={styles.header}>
        <h1>{view.title}</h1>
        {view.byline ? (
          <p className={styles.meta} data-testid="published-byline">
            by {view.byline}
          </p>
        ) : null}
        <span className={styles.meta} data-testid="published-updated">
          Version {view.number}
          {view.latest > 1 ? ` of ${view.latest}` : ''} · last updated{' '}
          <time dateTime={view.publishedAt.toISOString()}>
            {view.publishedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC
          </time>
          {pinned ? (
            <>
              {' '}
              · <Link href={`${base}/v/${view.number}`}>permanent link to this version</Link>
            </>
          ) : view.number < view.latest ? (
            <>
              {' '}
              · <Link href={base}>see the newest version</Link>
            </>
          ) : null}
        </span>
        <AnalysedSources map={view.map} />
        <EvaluationLegend />
      </header>
      <section className={styles.outlinePane} aria-labelledby="outline-h">
        <h2 id="outline-h" className="visually-hidden">
          Outline
        </h2>
        <Outline
          outline={view.outline}
          badges={view.badges}
          textOf={textIndex(view)}
          authorOf={view.authorOf}
          labelledBy="outline-h"
        />
      </section>
      <section className={styles.canvasPane} aria-label="Map canvas">
        <PublishedCanvas map={view.map} badges={view.badges} toolbar={<ExportImages title={view.title} />} />
      </section>
    </div>
  )
}

/** The iframe version: title, canvas and a link out; the outline folded away. */
export function EmbeddedMap({ view }: { view: PublishedView }) {
  return (
    <EmbedFrame className={styles.embed}>
      <header className={styles.embedHeader}>
        <h1>{view.title}</h1>
        <EvaluationLegend compact />
        <a href={`/p/${view.slug}`} target="_blank" rel="noopener" data-testid="open-full-map">
          Open full map ↗
        </a>
      </header>
      <section className={styles.canvasPane} aria-label="Map canvas">
        <PublishedCanvas map={view.map} badges={view.badges} />
      </section>
      <details className={styles.embedOutline} data-embed-outline>
        <summary>Outline</summary>
        <Outline outline={view.outline} badges={view.badges} textOf={textIndex(view)} authorOf={view.authorOf} />
      </details>
    </EmbedFrame>
  )
}
