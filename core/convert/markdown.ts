import type { ArgumentMap, NodeKind, RelationKind } from '../graph'
import { buildOutline, isRef, type OutlineItem } from './outline'

/**
 * The outline as a nested Markdown list:
 *
 *   - <a id="node-t"></a>**Claim:** Cars should go
 *     - <a id="node-a"></a>**Supports:** They pollute
 *       > “61% of NO2 comes from traffic” — Dr. Ruiz
 *       - **Undercuts:** [The winter was windless](#node-w) (see above)
 *
 * Each node gets an anchor with its id, so repeats link to the full entry.
 * User text is escaped and kept on one line, so it can never open a heading,
 * a list, a link or raw HTML.
 */
export function serializeMarkdownOutline(map: ArgumentMap): string {
  const textOf = new Map(map.nodes.map((n) => [n.id, n.text]))
  const lines = [`# ${escapeMarkdown(map.title) || 'Untitled map'}`, '']
  const write = (item: OutlineItem, depth: number) => {
    const indent = '  '.repeat(depth)
    if (isRef(item)) {
      const label = item.via ? RELATION_LABELS[item.via.kind] : 'See'
      lines.push(`${indent}- **${label}:** [${shown(textOf.get(item.ref) ?? '')}](#${anchor(item.ref)}) (see above)`)
    } else {
      const label = item.via ? RELATION_LABELS[item.via.kind] : KIND_LABELS[item.kind]
      lines.push(`${indent}- <a id="${anchor(item.id)}"></a>**${label}:** ${shown(item.text)}`)
      if (item.quote !== undefined && item.quote.trim() !== '') {
        lines.push(`${indent}  > “${escapeMarkdown(item.quote)}”${attribution(item.speaker, item.source)}`)
      }
    }
    for (const child of item.children) write(child, depth + 1)
  }
  for (const item of buildOutline(map)) write(item, 0)
  return lines.join('\n') + '\n'
}

export const RELATION_LABELS: Record<RelationKind, string> = {
  supports: 'Supports',
  attacks: 'Attacks',
  undercuts: 'Undercuts',
}

export const KIND_LABELS: Record<NodeKind, string> = {
  claim: 'Claim',
  argument: 'Argument',
  objection: 'Objection',
  evidence: 'Evidence',
  question: 'Question',
}

/** Node ids are IdSchema-safe, so they are valid in an HTML id and a URL fragment. */
export const anchor = (id: string) => `node-${id}`

/**
 * One line of literal text: whitespace runs (newlines included) become one
 * space, so nothing can start a heading, list or quote (every text follows a
 * label on its line); then every character that can open inline syntax
 * (emphasis, code, links, HTML, entities, strikethrough, tables, a closing
 * `#`) gets the backslash CommonMark defines for ASCII punctuation. `(` and
 * `!` are harmless once `[` is escaped, and left readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&~|#]/g, '\\$&')
}

const shown = (text: string) => escapeMarkdown(text) || '*(no text)*'

function attribution(speaker: string | undefined, source: string | undefined): string {
  const who = speaker?.trim() ? ` — ${escapeMarkdown(speaker)}` : ''
  const where = source?.trim() ? ` (${escapeMarkdown(source)})` : ''
  return who + where
}
