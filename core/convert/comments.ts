import type { ThreadView } from '../comments'
import type { ArgumentMap } from '../graph'
import { escapeMarkdown } from './markdown'

/**
 * Comments in exported files ([CM] in core/permissions/SPEC.md): each format
 * that has a place for them gets them; the others say they left them out
 * (the export route's `X-Crux-Comments` header and the export menu).
 */

/** A thread as it travels in a file: words and who wrote them, no ids of people. */
export interface ExportedThread {
  target: { kind: 'node' | 'relation'; id: string }
  resolved: boolean
  visibility: 'everyone' | 'teachers'
  comments: Array<{ author: string; body: string; at: string }>
}

export type CommentFormat = 'argdown' | 'aif' | 'ova3' | 'json' | 'markdown' | 'graphml' | 'drawio' | 'png' | 'svg'

/** Where each format keeps comments, or null where it has no place for them. */
export const COMMENTS_PLACE: Record<CommentFormat, string | null> = {
  json: 'a "comments" list beside the map',
  markdown: 'a "Comments" section at the end',
  argdown: 'Argdown comments (// lines) at the end, which Argdown tools ignore',
  aif: null,
  ova3: null,
  graphml: null,
  drawio: null,
  png: null,
  svg: null,
}

/** Why a format without a place leaves comments out, in words; the default is that it has no place for them. */
export function commentsLeftOut(format: CommentFormat): string {
  // GraphML and draw.io could carry them (data keys, tooltips); these exports do not yet.
  if (format === 'graphml' || format === 'drawio')
    return `${format === 'graphml' ? 'GraphML' : 'draw.io'} export does not carry comments yet`
  return `${format.toUpperCase()} has no place for comments`
}

/** What a file can hold: deleted comments and threads left with nothing are dropped. */
export function exportedThreads(threads: readonly ThreadView[]): ExportedThread[] {
  return threads
    .map((t) => ({
      target: t.target,
      resolved: t.resolved !== null,
      visibility: t.visibility,
      comments: t.comments
        .filter((c) => !c.deleted)
        .map((c) => ({ author: c.author.name, body: c.body, at: c.createdAt })),
    }))
    .filter((t) => t.comments.length > 0)
}

function targetLabel(map: ArgumentMap, target: ExportedThread['target']): string {
  const text = (id: string) => map.nodes.find((n) => n.id === id)?.text ?? '(deleted)'
  if (target.kind === 'node') return text(target.id)
  const r = map.relations.find((x) => x.id === target.id)
  return r ? `${text(r.source)} ${r.kind} ${text(r.target)}` : '(deleted relation)'
}

export function commentsMarkdown(map: ArgumentMap, threads: readonly ExportedThread[]): string {
  if (threads.length === 0) return ''
  const lines = ['', '## Comments', '']
  for (const t of threads) {
    lines.push(
      `- **On:** ${escapeMarkdown(targetLabel(map, t.target)) || '*(no text)*'}${t.resolved ? ' *(resolved)*' : ''}`,
    )
    for (const c of t.comments)
      lines.push(
        `  - **${escapeMarkdown(c.author) || 'someone'}** (${c.at.slice(0, 16).replace('T', ' ')}): ${escapeMarkdown(c.body)}`,
      )
  }
  return lines.join('\n') + '\n'
}

/** As `//` line comments: a comment's own line breaks become new `//` lines, so no text can leave them. */
export function commentsArgdown(map: ArgumentMap, threads: readonly ExportedThread[]): string {
  if (threads.length === 0) return ''
  const line = (s: string) => s.split(/\r\n|\r|\n|\u2028|\u2029/).map((l) => `// ${l}`.trimEnd())
  const lines = ['', '// Comments (Crux)']
  for (const t of threads) {
    lines.push(...line(`On: ${targetLabel(map, t.target)}${t.resolved ? ' (resolved)' : ''}`))
    for (const c of t.comments) lines.push(...line(`  ${c.author}: ${c.body}`))
  }
  return lines.join('\n') + '\n'
}
