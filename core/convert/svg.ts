import type { NodeKind, RelationKind } from '../graph'

/**
 * A map as a vector drawing: rectangles, paths and text that Inkscape, Illustrator and librsvg can edit and
 * render, with no HTML inside (no foreignObject). It is drawn from the map's data, never from the screen, so
 * nothing local to one person's canvas (cursors, selections, handles) can end up in it.
 */
export interface DrawingNode {
  id: string
  kind: NodeKind
  text: string
  quote?: string
  speaker?: string
  /** Top-left corner and width on the canvas; the height follows from the wrapped text. */
  x: number
  y: number
  width: number
  badge?: { label: 'IN' | 'OUT' | 'UNDEC'; strength: number }
}

export interface DrawingRelation {
  id: string
  kind: RelationKind
  source: string
  /** A node id; for an undercut, the id of the support relation it attacks. */
  target: string
}

export interface Drawing {
  title: string
  nodes: DrawingNode[]
  relations: DrawingRelation[]
}

export const KIND_COLOURS: Record<NodeKind, string> = {
  claim: '#2563eb',
  argument: '#0f766e',
  objection: '#dc2626',
  evidence: '#a16207',
  question: '#7c3aed',
}
const RELATION_STYLE: Record<RelationKind, { colour: string; dash?: string }> = {
  supports: { colour: '#15803d' },
  attacks: { colour: '#b91c1c', dash: '8 5' },
  undercuts: { colour: '#c2410c', dash: '3 4' },
}
const BADGE_COLOURS = { IN: '#047857', OUT: '#b91c1c', UNDEC: '#64748b' } as const

const PAD = 10
const HEAD = 18
const TEXT_SIZE = 14
const TEXT_LINE = 19
const QUOTE_SIZE = 12
const QUOTE_LINE = 16
const MARGIN = 40
/** Average advance of a sans-serif glyph, in ems: enough to wrap close to what a browser would. */
const EM_ADVANCE = 0.56

interface Box {
  node: DrawingNode
  height: number
  textLines: string[]
  quoteLines: string[]
}

export function drawMapSvg(drawing: Drawing): string {
  const boxes = new Map(drawing.nodes.map((n) => [n.id, layoutBox(n)]))
  const relations = new Map(drawing.relations.map((r) => [r.id, r]))
  const all = [...boxes.values()]
  const minX = Math.min(0, ...all.map((b) => b.node.x)) - MARGIN
  const minY = Math.min(0, ...all.map((b) => b.node.y)) - MARGIN
  const maxX = Math.max(320, ...all.map((b) => b.node.x + b.node.width)) + MARGIN
  const maxY = Math.max(240, ...all.map((b) => b.node.y + b.height)) + MARGIN
  const width = Math.round(maxX - minX)
  const height = Math.round(maxY - minY)

  const edges: string[] = []
  const supportLines = new Map<string, Line>()
  for (const r of drawing.relations) {
    if (r.kind === 'undercuts') continue
    const from = boxes.get(r.source)
    const to = boxes.get(r.target)
    if (!from || !to) continue
    const line = between(from, to)
    if (r.kind === 'supports') supportLines.set(r.id, line)
    edges.push(edgePath(r, line))
  }
  for (const r of drawing.relations) {
    if (r.kind !== 'undercuts') continue
    const from = boxes.get(r.source)
    const support = supportLines.get(r.target)
    if (!from || !support || relations.get(r.target)?.kind !== 'supports') continue
    const mid = { x: (support.x1 + support.x2) / 2, y: (support.y1 + support.y2) / 2 }
    const start = borderPoint(from, mid)
    edges.push(edgePath(r, { x1: start.x, y1: start.y, x2: mid.x, y2: mid.y }))
  }

  const markers = (Object.keys(RELATION_STYLE) as RelationKind[])
    .map(
      (kind) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z" fill="${RELATION_STYLE[kind].colour}"/></marker>`,
    )
    .join('')
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(minX)} ${num(minY)} ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${xml(drawing.title)}</title>`,
    `<defs>${markers}</defs>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g id="relations">${edges.join('')}</g>`,
    `<g id="nodes">${all.map(nodeGroup).join('')}</g>`,
    `</svg>`,
    '',
  ].join('\n')
}

/** Greedy word wrap at an estimated text width; a word longer than a line is cut, never lost. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(8, Math.floor(maxWidth / (fontSize * EM_ADVANCE)))
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word
      while ([...rest].length > perLine) {
        if (line) lines.push(line)
        const chars = [...rest]
        lines.push(chars.slice(0, perLine).join(''))
        rest = chars.slice(perLine).join('')
        line = ''
      }
      if (!rest) continue
      const next = line ? `${line} ${rest}` : rest
      if ([...next].length > perLine) {
        lines.push(line)
        line = rest
      } else line = next
    }
    lines.push(line)
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines
}

function layoutBox(node: DrawingNode): Box {
  const inner = node.width - 2 * PAD
  const textLines = wrapText(node.text, inner, TEXT_SIZE)
  const quoteLines = node.quote ? wrapText(`“${node.quote}”`, inner - 8, QUOTE_SIZE) : []
  const attribution = node.speaker ? QUOTE_LINE : 0
  const quoteBlock = quoteLines.length > 0 ? 6 + quoteLines.length * QUOTE_LINE + attribution : attribution
  return { node, textLines, quoteLines, height: PAD + HEAD + textLines.length * TEXT_LINE + quoteBlock + PAD }
}

function nodeGroup(box: Box): string {
  const { node } = box
  const colour = KIND_COLOURS[node.kind] ?? '#334155'
  const left = node.x + PAD
  const parts = [
    `<rect x="${num(node.x)}" y="${num(node.y)}" width="${num(node.width)}" height="${num(box.height)}" rx="8" fill="${node.kind === 'evidence' ? '#fffbeb' : '#ffffff'}" stroke="#cbd5e1"${node.kind === 'question' ? ' stroke-dasharray="4 3"' : ''}/>`,
    `<path d="M${num(node.x + 4)} ${num(node.y + 2)} H${num(node.x + node.width - 4)}" stroke="${colour}" stroke-width="4" stroke-linecap="round"/>`,
    `<text x="${num(left)}" y="${num(node.y + PAD + 9)}" font-size="11" font-weight="700" letter-spacing="0.5" fill="${colour}">${xml(node.kind.toUpperCase())}</text>`,
  ]
  if (node.badge) {
    const label = `${node.badge.label} ${node.badge.strength.toFixed(2)}`
    const w = label.length * 6.2 + 8
    const bx = node.x + node.width - PAD - w
    parts.push(
      `<rect x="${num(bx)}" y="${num(node.y + PAD - 2)}" width="${num(w)}" height="15" rx="3" fill="${BADGE_COLOURS[node.badge.label]}"/>`,
      `<text x="${num(bx + 4)}" y="${num(node.y + PAD + 9)}" font-size="10" fill="#ffffff">${xml(label)}</text>`,
    )
  }
  let y = node.y + PAD + HEAD
  for (const line of box.textLines) {
    y += TEXT_LINE
    parts.push(`<text x="${num(left)}" y="${num(y - 5)}" font-size="${TEXT_SIZE}" fill="#0f172a">${xml(line)}</text>`)
  }
  if (box.quoteLines.length > 0) {
    const top = y + 6
    parts.push(
      `<path d="M${num(left)} ${num(top)} V${num(top + box.quoteLines.length * QUOTE_LINE)}" stroke="${colour}" stroke-width="2"/>`,
    )
    y = top
    for (const line of box.quoteLines) {
      y += QUOTE_LINE
      parts.push(
        `<text x="${num(left + 8)}" y="${num(y - 4)}" font-size="${QUOTE_SIZE}" font-style="italic" fill="#334155">${xml(line)}</text>`,
      )
    }
  }
  if (node.speaker) {
    y += QUOTE_LINE
    parts.push(
      `<text x="${num(left)}" y="${num(y - 4)}" font-size="${QUOTE_SIZE}" fill="#64748b">— ${xml(node.speaker)}</text>`,
    )
  }
  return `<g id="node-${xml(node.id)}">${parts.join('')}</g>`
}

interface Line {
  x1: number
  y1: number
  x2: number
  y2: number
}

function centre(box: Box) {
  return { x: box.node.x + box.node.width / 2, y: box.node.y + box.height / 2 }
}

/** Where the line from the box's centre towards `toward` leaves the box. */
function borderPoint(box: Box, toward: { x: number; y: number }) {
  const c = centre(box)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  if (dx === 0 && dy === 0) return c
  const sx = dx === 0 ? Infinity : box.node.width / 2 / Math.abs(dx)
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy)
  const s = Math.min(sx, sy, 1)
  return { x: c.x + dx * s, y: c.y + dy * s }
}

function between(from: Box, to: Box): Line {
  const a = borderPoint(from, centre(to))
  const b = borderPoint(to, centre(from))
  return { x1: a.x, y1: a.y, x2: b.x, y2: b.y }
}

function edgePath(r: DrawingRelation, line: Line): string {
  const style = RELATION_STYLE[r.kind]
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
  const mx = (line.x1 + line.x2) / 2
  const my = (line.y1 + line.y2) / 2
  return (
    `<g id="relation-${xml(r.id)}"><path d="M${num(line.x1)} ${num(line.y1)} L${num(line.x2)} ${num(line.y2)}" fill="none" stroke="${style.colour}" stroke-width="2"${dash} marker-end="url(#arrow-${r.kind})"/>` +
    `<text x="${num(mx)}" y="${num(my - 4)}" font-size="11" text-anchor="middle" fill="${style.colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${r.kind}</text></g>`
  )
}

const num = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0')

/** Text and attribute values: the five XML specials, and control characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** A stored map as a drawing, at its stored positions, for tools without a canvas (tests, servers). */
export function drawingOfMap(
  map: {
    title: string
    nodes: Array<Omit<DrawingNode, 'width' | 'badge'> & { x: number; y: number }>
    relations: DrawingRelation[]
  },
  options: { width?: number; badges?: Map<string, DrawingNode['badge']> } = {},
): Drawing {
  return {
    title: map.title,
    nodes: map.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      text: n.text,
      quote: n.quote,
      speaker: n.speaker,
      x: n.x,
      y: n.y,
      width: options.width ?? 240,
      badge: options.badges?.get(n.id),
    })),
    relations: map.relations.map((r) => ({ id: r.id, kind: r.kind, source: r.source, target: r.target })),
  }
}
