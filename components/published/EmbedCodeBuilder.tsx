'use client'
import { useState } from 'react'
import { CopyField } from './CopyField'
import { EMBED_HEIGHT, embedCode } from './embedOptions'

/** Embed options with the snippet kept in step: height, minimap, outline first, and a pinned version. */
export function EmbedCodeBuilder({
  origin,
  slug,
  title,
  versions,
}: {
  origin: string
  slug: string
  title: string
  versions: number[]
}) {
  const [height, setHeight] = useState(EMBED_HEIGHT.default)
  const [minimap, setMinimap] = useState(true)
  const [outlineFirst, setOutlineFirst] = useState(false)
  const [version, setVersion] = useState<number | null>(null)
  const code = embedCode({ origin, slug, title, version, height, options: { minimap, outlineFirst } })
  return (
    <div data-testid="embed-builder">
      <fieldset>
        <legend>Options</legend>
        <label>
          Height (px){' '}
          <input
            type="number"
            min={EMBED_HEIGHT.min}
            max={EMBED_HEIGHT.max}
            step={20}
            value={height}
            onChange={(e) => setHeight(Number(e.currentTarget.value) || EMBED_HEIGHT.default)}
          />
        </label>{' '}
        <label>
          <input type="checkbox" checked={minimap} onChange={(e) => setMinimap(e.currentTarget.checked)} /> Minimap
        </label>{' '}
        <label>
          <input type="checkbox" checked={outlineFirst} onChange={(e) => setOutlineFirst(e.currentTarget.checked)} />{' '}
          Outline open first
        </label>{' '}
        <label>
          Version{' '}
          <select
            value={version ?? ''}
            onChange={(e) => setVersion(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          >
            <option value="">always the newest</option>
            {versions.map((n) => (
              <option key={n} value={n}>
                pinned to version {n}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <CopyField label="Embed code" value={code} testId="embed-code" />
    </div>
  )
}
