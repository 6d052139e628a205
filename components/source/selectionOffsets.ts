import { trimRange, type Span } from '@/core/sources'

/**
 * Maps a DOM selection in the rendered article back to source offsets. Every
 * rendered run of text is one element `[data-piece]` whose `data-start` is
 * the offset of its first character and whose only child is that text, so a
 * point inside a text node is `data-start + offset`, with no counting of
 * rendered characters (which would drift on line breaks and layout).
 */
export function selectionOffsets(selection: Selection | null, root: HTMLElement, text: string): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null
  const start = pointOffset(range.startContainer, range.startOffset, root)
  const end = pointOffset(range.endContainer, range.endOffset, root)
  if (start === null || end === null) return null
  const trimmed = trimRange(text, start, end)
  return trimmed.end > trimmed.start ? trimmed : null
}

function pointOffset(node: Node, offset: number, root: HTMLElement): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-piece]')
    return piece && root.contains(piece) ? Number(piece.dataset.start) + offset : null
  }
  // A point between elements (a triple-click selects whole paragraphs): it
  // sits just before the first piece that starts after it, or after the last.
  const point = document.createRange()
  point.setStart(node, offset)
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-piece]')]
  const next = pieces.find((p) => point.comparePoint(p, 0) >= 0)
  if (next) return Number(next.dataset.start)
  const last = pieces.at(-1)
  return last ? Number(last.dataset.end) : null
}
