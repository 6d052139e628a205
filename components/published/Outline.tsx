import { KIND_LABELS, RELATION_LABELS, anchor } from '@/core/convert/markdown'
import { isRef, type OutlineItem } from '@/core/convert/outline'
import type { Badge as PublishedBadge } from '@/components/map/flow/types'
import { EvaluationBadge } from './EvaluationBadge'
import styles from './published.module.css'

type Props = {
  outline: OutlineItem[]
  badges: Record<string, PublishedBadge>
  /** Node id -> text, for the "see above" links of repeated nodes. */
  textOf: Record<string, string>
  /** Node id -> its author's name ([PA1]); absent where authors are not shown. */
  authorOf?: Record<string, string>
  /** Heading level id, so several outlines on one page stay distinct. */
  labelledBy?: string
  /**
   * The editor's live outline: each node's text is a button that selects it
   * (on the canvas and in the inspector) instead of a permalink.
   */
  select?: Selecting
}

type Selecting = { onSelect: (id: string) => void; selected: ReadonlySet<string> }
type ItemProps = {
  item: OutlineItem
  badges: Props['badges']
  textOf: Props['textOf']
  authorOf?: Props['authorOf']
  select?: Selecting
}

/**
 * The whole map as nested lists, rendered on the server: readable, linkable
 * and searchable with no script. Each node appears once in full with an
 * `id="node-<id>"` anchor; later places link back to it. Text is React text
 * only, so map content can never become markup.
 */
export function Outline({ outline, badges, textOf, authorOf, labelledBy, select }: Props) {
  return (
    <nav
      className={styles.outline}
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : 'Outline of the map'}
      data-testid="outline"
    >
      <ol>
        {outline.map((item, i) => (
          <Item key={key(item, i)} item={item} badges={badges} textOf={textOf} authorOf={authorOf} select={select} />
        ))}
      </ol>
    </nav>
  )
}

function Item({ item, badges, textOf, authorOf, select }: ItemProps) {
  const children =
    item.children.length > 0 ? (
      <ol>
        {item.children.map((c, i) => (
          <Item key={key(c, i)} item={c} badges={badges} textOf={textOf} authorOf={authorOf} select={select} />
        ))}
      </ol>
    ) : null
  const relation = item.via ? (
    <span className={styles[`via${item.via.kind}`]}>{RELATION_LABELS[item.via.kind]}</span>
  ) : null

  if (isRef(item)) {
    return (
      <li className={styles.ref}>
        {relation}
        {relation ? ': ' : ''}
        <a href={`#${anchor(item.ref)}`}>{textOf[item.ref] ?? item.ref}</a> <small>(see above)</small>
        {children}
      </li>
    )
  }
  return (
    <li id={anchor(item.id)} className={styles.item} data-node-id={item.id} data-kind={item.kind}>
      <div className={styles.line}>
        {relation}
        <span className={styles.kind}>{KIND_LABELS[item.kind]}</span>
        {!select && (
          <a
            className={styles.permalink}
            href={`#${anchor(item.id)}`}
            aria-label={`Link to this ${KIND_LABELS[item.kind].toLowerCase()}`}
          >
            #
          </a>
        )}
        <EvaluationBadge badge={badges[item.id]} />
        {authorOf?.[item.id] && <small data-testid="outline-author">by {authorOf[item.id]}</small>}
      </div>
      {select ? (
        <button
          type="button"
          className={`${styles.text} ${styles.select}`}
          aria-pressed={select.selected.has(item.id)}
          data-testid="outline-select"
          onClick={() => select.onSelect(item.id)}
        >
          {item.text || '(no text yet)'}
        </button>
      ) : (
        <p className={styles.text}>{item.text}</p>
      )}
      {item.voice ? (
        <p className={styles.voice} data-testid="outline-voice">
          {item.voice}
        </p>
      ) : null}
      {item.quote ? (
        <figure className={styles.evidence}>
          {/* One text node, so the served HTML reads (and searches) as the quote itself. */}
          <blockquote>{`“${item.quote}”`}</blockquote>
          {item.speaker || item.source ? (
            <figcaption>
              — {item.speaker ? <cite>{item.speaker}</cite> : null}
              {item.speaker && item.source ? ', ' : ''}
              {item.source ? <span>{item.source}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {children}
    </li>
  )
}

const key = (item: OutlineItem, i: number) =>
  `${isRef(item) ? `ref-${item.ref}` : item.id}-${item.via?.relationId ?? 'top'}-${i}`
