export type ImportFormat = 'argdown' | 'aif' | 'json'

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  argdown: 'Argdown',
  aif: 'AIF JSON (AIFdb, OVA3)',
  json: 'Crux JSON',
}

/**
 * Guesses the format from the file name, then from the content: Crux files
 * say `"format": "crux"`, AIF has `nodeID`s or an OVA3 `AIF` wrapper, and
 * anything that does not start like JSON is taken as Argdown. The user can
 * always override the guess.
 */
export function detectFormat(text: string, fileName?: string): ImportFormat {
  const name = fileName?.toLowerCase() ?? ''
  if (/\.(argdown|ad)$/.test(name)) return 'argdown'
  if (/\.aif(\.json)?$/.test(name)) return 'aif'
  if (/\.crux(\.json)?$/.test(name)) return 'json'
  const head = text.trimStart()
  if (!head.startsWith('{')) return 'argdown'
  if (/"format"\s*:\s*"crux"/.test(text)) return 'json'
  if (/"(nodeID|AIF|aif)"\s*:/.test(text)) return 'aif'
  return 'json'
}
