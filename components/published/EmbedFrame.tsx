'use client'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { parseEmbedOptions, type EmbedOptions } from './embedOptions'

/**
 * The embed's root. Options arrive in the iframe's query string (see EmbedCodeBuilder); they are read in the
 * browser so every variant shares one cached page.
 */
export function EmbedFrame({ className, children }: { className?: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null)
  const [options, setOptions] = useState<EmbedOptions>({ minimap: true, outlineFirst: false })
  useEffect(() => {
    const parsed = parseEmbedOptions(new URLSearchParams(window.location.search))
    setOptions(parsed)
    const outline = root.current?.querySelector<HTMLDetailsElement>('details[data-embed-outline]')
    if (outline && parsed.outlineFirst) outline.open = true
  }, [])
  return (
    <div
      ref={root}
      className={className}
      data-testid="embedded-map"
      data-minimap={options.minimap ? 'on' : 'off'}
      data-outline={options.outlineFirst ? 'first' : 'last'}
    >
      {children}
    </div>
  )
}
