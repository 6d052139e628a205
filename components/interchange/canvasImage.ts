'use client'
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react'
import { toPng, toSvg } from 'html-to-image'

export type ImageFormat = 'png' | 'svg'

/** Room around the map, in image pixels; big maps shrink to fit MAX_SIDE. */
const PADDING = 0.08
const MAX_SIDE = 4096
const MIN_SIDE = 320

/**
 * The whole map as an image, whatever part of it is on screen: a viewport
 * transform that fits every node is applied to a copy of React Flow's
 * viewport element while html-to-image renders it.
 */
export async function canvasImage(nodes: Node[], format: ImageFormat): Promise<string> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
  if (!viewport || nodes.length === 0) throw new Error('There is nothing on the canvas to export')
  const bounds = getNodesBounds(nodes)
  const scale = Math.min(1.5, MAX_SIDE / Math.max(bounds.width, bounds.height, 1))
  const width = Math.round(Math.max(MIN_SIDE, bounds.width * scale * (1 + 2 * PADDING)))
  const height = Math.round(Math.max(MIN_SIDE, bounds.height * scale * (1 + 2 * PADDING)))
  const fit = getViewportForBounds(bounds, width, height, 0.05, 2, PADDING)
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})` },
  }
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options)
}

/** Saves a data URL under a name, the way a download link would. */
export function download(dataUrl: string, filename: string): void {
  const a = document.createElement('a')
  a.href = dataUrl
  a.download = filename
  a.click()
}
