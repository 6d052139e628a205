'use client'
import './interchange.css'
import { useState } from 'react'
import { useReactFlow } from '@xyflow/react'
import type { FlowEdge, FlowNode } from '@/components/map/flow/types'
import { canvasImage, download, type ImageFormat } from './canvasImage'
import { fileBaseName } from './fileNames'

const TEXT_FORMATS = [
  { format: 'argdown', label: 'Argdown' },
  { format: 'argdown&positions=all', label: 'Argdown with every position' },
  { format: 'aif', label: 'AIF (AIFdb)' },
  { format: 'ova3', label: 'OVA3 save file (with layout)' },
  { format: 'json', label: 'Crux JSON' },
  { format: 'markdown', label: 'Markdown outline' },
  { format: 'graphml', label: 'GraphML (yEd)' },
  { format: 'drawio', label: 'draw.io' },
] as const

type Props = {
  title: string
  /** With a map id, the text formats are offered too (they need view access to the live map). */
  mapId?: string
}

/**
 * Export: text formats download from the export route; PNG and SVG are drawn
 * in the browser from the map as the canvas holds it (core/convert/svg.ts).
 * Must sit inside a ReactFlowProvider.
 */
export function ExportMenu({ title, mapId }: Props) {
  const flow = useReactFlow()
  const [busy, setBusy] = useState<ImageFormat | null>(null)
  const [error, setError] = useState<string | null>(null)

  const image = async (format: ImageFormat) => {
    setBusy(format)
    setError(null)
    try {
      download(
        await canvasImage(flow.getNodes() as FlowNode[], flow.getEdges() as FlowEdge[], title, format),
        `${fileBaseName(title)}.${format}`,
      )
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The image could not be made')
    } finally {
      setBusy(null)
    }
  }

  return (
    <details className="crux-export" data-testid="export-menu">
      <summary>Export</summary>
      <div className="crux-export-items" role="group" aria-label="Export the map">
        {mapId &&
          TEXT_FORMATS.map((f) => (
            <a
              key={f.format}
              href={`/api/maps/${mapId}/export?format=${f.format}`}
              download
              data-testid={`export-${f.format.replace('&positions=all', '-positions')}`}
            >
              {f.label}
            </a>
          ))}
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            data-testid={`export-${format}`}
            disabled={busy !== null}
            onClick={() => void image(format)}
          >
            {busy === format ? 'Drawing…' : `${format.toUpperCase()} image`}
          </button>
        ))}
        {mapId && (
          <p className="crux-hint" data-testid="export-comments-note">
            Comments are in the Argdown, Crux JSON and Markdown files; AIF and images have no place for them and leave
            them out.
          </p>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
    </details>
  )
}
