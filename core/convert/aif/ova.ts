import type { ArgumentMap } from '../../graph'
import { serializeAif, type SerializeAifOptions } from './serialize'
import type { AifDocument, AifNode } from './types'

/** OVA3's save file: the AIF graph, the analyst's layout, and the analysed text. */
export interface Ova3Save {
  AIF: AifDocument & { schemefulfillments: never[]; descriptorfulfillments: never[] }
  OVA: {
    firstname: string
    surname: string
    url: string
    nodes: { nodeID: string; visible: boolean; x: number; y: number; timestamp: string }[]
    edges: { fromID: string; toID: string; visible: boolean }[]
  }
  text: string
}

/** Where OVA3 draws a locution: to the right of its proposition, as OVA3 itself places them. */
const LOCUTION_OFFSET_X = 450

/**
 * [AF6] A map as an OVA3 save file, so OVA3 opens it with its layout: each
 * I-node where the map has it, each RA/CA node between the nodes it joins,
 * each locution beside its proposition with its YA anchor between them. The
 * AIF inside is serializeAif's, `crux` properties included, so Crux reads
 * the file back exactly.
 */
export function serializeOva3(map: ArgumentMap, options: SerializeAifOptions = {}): Ova3Save {
  const aif = serializeAif(map, options)
  const byCrux = new Map(map.nodes.map((n) => [n.id, n]))
  const pos = new Map<string, { x: number; y: number }>()
  for (const n of aif.nodes) {
    if (n.type !== 'I') continue
    const node = byCrux.get(n.crux?.id ?? '')
    if (node) pos.set(n.nodeID, { x: node.x, y: node.y })
  }
  const ins = new Map<string, string[]>()
  const outs = new Map<string, string[]>()
  for (const e of aif.edges) {
    ;(outs.get(e.fromID) ?? outs.set(e.fromID, []).get(e.fromID)!).push(e.toID)
    ;(ins.get(e.toID) ?? ins.set(e.toID, []).get(e.toID)!).push(e.fromID)
  }
  const placed = (ids: string[]) =>
    ids.map((id) => pos.get(id)).filter((p): p is { x: number; y: number } => p !== undefined)
  const middle = (ps: { x: number; y: number }[]) =>
    ps.length === 0
      ? { x: 0, y: 0 }
      : { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length }
  // Scheme nodes come after the I-nodes and supports before the conflicts that undercut them, so one pass places them all.
  for (const n of aif.nodes) {
    if (n.type === 'RA' || n.type === 'CA')
      pos.set(n.nodeID, round(middle(placed([...(ins.get(n.nodeID) ?? []), ...(outs.get(n.nodeID) ?? [])]))))
  }
  for (const ya of aif.nodes.filter((n: AifNode) => n.type === 'YA')) {
    const i = pos.get((outs.get(ya.nodeID) ?? [])[0] ?? '')
    const l = (ins.get(ya.nodeID) ?? [])[0]
    if (!i || l === undefined) continue
    const lPos = { x: i.x + LOCUTION_OFFSET_X, y: i.y }
    pos.set(l, lPos)
    pos.set(ya.nodeID, round(middle([i, lPos])))
  }
  return {
    AIF: { ...aif, schemefulfillments: [], descriptorfulfillments: [] },
    OVA: {
      firstname: '',
      surname: '',
      url: '',
      nodes: aif.nodes.map((n) => ({
        nodeID: n.nodeID,
        visible: true,
        ...(pos.get(n.nodeID) ?? { x: 0, y: 0 }),
        timestamp: '',
      })),
      edges: aif.edges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })),
    },
    text: '',
  }
}

const round = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) })
