import type { ArgNode, ArgumentMap } from './schema'

/** Lower-cased words, accents folded, so "Lukashenko's" finds "lukashenko". */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * The nodes whose text holds every word of the query (as a word's beginning), best first:
 * more words starting the text, then shorter texts. An empty query lists every node in map
 * order. For the "Connect…" picker, which must work without dragging (WCAG 2.2 SC 2.5.7).
 */
export function findNodes(
  map: Pick<ArgumentMap, 'nodes'>,
  query: string,
  exclude: ReadonlySet<string> = new Set(),
): ArgNode[] {
  const wanted = words(query)
  const candidates = map.nodes.filter((n) => !exclude.has(n.id))
  if (wanted.length === 0) return candidates
  const scored: Array<{ node: ArgNode; score: number; index: number }> = []
  candidates.forEach((node, index) => {
    const have = words(node.text)
    if (!wanted.every((w) => have.some((h) => h.startsWith(w)))) return
    const leading = wanted.filter((w, i) => have[i]?.startsWith(w)).length
    scored.push({ node, score: leading * 1000 - have.length, index })
  })
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.node)
}
