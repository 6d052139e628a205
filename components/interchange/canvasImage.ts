'use client'
import { drawMapSvg, type Drawing } from '@/core/convert'
import type { FlowEdge, FlowNode } from '@/components/map/flow/types'

export type ImageFormat = 'png' | 'svg'

/** PNG pixels per map unit: sharp on a 2x screen and in print, capped for very large maps. */
const PNG_SCALE = 2
const MAX_SIDE = 8192

/**
 * The whole map as an image, drawn from the map's data as the canvas shows it now (positions, sizes,
 * verdicts) rather than copied from the screen: another person's cursor, selection ring or name tag, and
 * the connection handles, are not in the data, so they can never be in the image. SVG is the vector
 * drawing itself; PNG is that drawing rasterised by the browser.
 */
export async function canvasImage(
  nodes: FlowNode[],
  edges: FlowEdge[],
  title: string,
  format: ImageFormat,
): Promise<string> {
  if (nodes.length === 0) throw new Error('There is nothing on the canvas to export')
  const svg = drawMapSvg(drawingOfFlow(nodes, edges, title))
  if (format === 'svg') return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  return rasterise(svg)
}

export function drawingOfFlow(nodes: FlowNode[], edges: FlowEdge[], title: string): Drawing {
  return {
    title,
    nodes: nodes.map((n) => ({
      id: n.id,
      kind: n.data.kind,
      text: n.data.text,
      quote: n.data.quote,
      speaker: n.data.speaker,
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? n.width ?? 240,
      badge: n.data.badge ? { label: n.data.badge.label, strength: n.data.badge.strength } : undefined,
    })),
    relations: edges.flatMap((e) => {
      const kind = e.data?.kind
      if (!kind) return []
      // The canvas draws an undercut towards its support's target; the drawing aims it at the support itself.
      return [
        { id: e.id, kind, source: e.source, target: kind === 'undercuts' ? (e.data?.supportId ?? e.target) : e.target },
      ]
    }),
  }
}

async function rasterise(svg: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.decoding = 'async'
    image.src = url
    await image.decode()
    const scale = Math.min(PNG_SCALE, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
    const context = canvas.getContext('2d')
    if (!context) throw new Error('This browser cannot draw images')
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/png')
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Saves a data URL under a name, the way a download link would. */
export function download(dataUrl: string, filename: string): void {
  const a = document.createElement('a')
  a.href = dataUrl
  a.download = filename
  a.click()
}
