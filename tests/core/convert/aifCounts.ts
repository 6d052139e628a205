/**
 * What a raw AIF file holds, counted by AIF's own reading of its nodes with
 * code that shares nothing with the importer: its own adjacency, its own
 * reading of RA/CA/MA and YA nodes. Used by aifCorpus.test.ts.
 */
export interface RawNode {
  nodeID: string | number
  text?: string | null
  type: string
  scheme?: string | null
}
export interface RawEdge {
  fromID: string | number
  toID: string | number
}
export interface RawAif {
  nodes: RawNode[]
  edges: RawEdge[]
}

export function rawAif(text: string): RawAif {
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as RawAif & { AIF?: RawAif }
  return json.AIF ?? json
}

/** Expected Crux content of a raw AIF graph, by AIF's own reading of its nodes. */
export function expectedCounts(aif: RawAif) {
  const type = new Map(aif.nodes.map((n) => [String(n.nodeID), n.type]))
  const ins = new Map<string, Set<string>>()
  const outs = new Map<string, Set<string>>()
  for (const e of aif.edges) {
    const [f, t] = [String(e.fromID), String(e.toID)]
    if (f === t || !type.has(f) || !type.has(t)) continue
    if (!outs.has(f)) outs.set(f, new Set())
    if (!ins.has(t)) ins.set(t, new Set())
    outs.get(f)!.add(t)
    ins.get(t)!.add(f)
  }
  const of = (m: Map<string, Set<string>>, id: string, ...types: string[]) =>
    [...(m.get(id) ?? [])].filter((x) => types.includes(type.get(x)!))
  const iNodes = aif.nodes.filter((n) => n.type === 'I')
  let supports = 0
  let attacks = 0
  let undercuts = 0
  const supportsOfRa = new Map<string, number>()
  for (const n of aif.nodes) {
    const id = String(n.nodeID)
    if (n.type === 'RA') {
      const k = of(ins, id, 'I').length * of(outs, id, 'I').length
      supportsOfRa.set(id, k)
      supports += k
    }
    if (n.type === 'MA') supports += of(ins, id, 'I').length * of(outs, id, 'I').length
  }
  for (const n of aif.nodes.filter((x) => x.type === 'CA')) {
    const id = String(n.nodeID)
    const attackers = of(ins, id, 'I').length
    attacks += attackers * of(outs, id, 'I').length
    for (const ra of of(outs, id, 'RA')) undercuts += attackers * (supportsOfRa.get(ra) ?? 0)
    for (const ca of of(outs, id, 'CA')) attacks += attackers * of(ins, ca, 'I').length
  }
  // A locution says an I-node: L → YA → I.
  const said = new Set<string>()
  const forces: string[] = []
  for (const ya of aif.nodes.filter((x) => x.type === 'YA')) {
    const id = String(ya.nodeID)
    if (of(ins, id, 'L').length === 0) continue
    for (const i of of(outs, id, 'I')) {
      if (said.has(i)) continue
      said.add(i)
      forces.push((ya.text ?? '').trim())
    }
  }
  // A scheme of digits only is AIFdb's scheme id (OVA's earlier save format); the name is the node's text.
  const schemeName = (x: RawNode) =>
    (x.scheme != null && !/^\d+$/.test(x.scheme.trim()) ? x.scheme : (x.text ?? '')).trim()
  const schemes = aif.nodes
    .filter((x) => (x.type === 'RA' || x.type === 'CA') && schemeName(x) !== x.type)
    .filter((x) => (x.type === 'RA' ? supportsOfRa.get(String(x.nodeID))! > 0 : true))
    .map(schemeName)
  return {
    propositions: iNodes.map((n) => n.text ?? '').sort(),
    supports,
    attacks,
    undercuts,
    said: said.size,
    forces: forces.sort(),
    schemes: schemes.sort(),
  }
}

/**
 * Where the analyst placed each I-node, read from the raw file: OVA3's
 * layout block, or (OVA's earlier format) x/y on the AIF nodes themselves.
 * "text @ x,y" per placed I-node, rounded, sorted; empty when the file has no layout.
 */
export function rawLayout(text: string): string[] {
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as {
    AIF?: { nodes: (RawNode & { x?: unknown; y?: unknown })[] }
    nodes?: (RawNode & { x?: unknown; y?: unknown })[]
    OVA?: { nodes?: { nodeID: string | number; x: unknown; y: unknown }[] }
  }
  const aifNodes = (json.AIF ?? json).nodes ?? []
  const entries = json.OVA?.nodes ?? aifNodes.filter((n) => n.x !== undefined)
  const where = new Map(entries.map((e) => [String(e.nodeID), [Number(e.x), Number(e.y)]]))
  return aifNodes
    .filter((n) => n.type === 'I' && where.has(String(n.nodeID)))
    .map((n) => {
      const [x, y] = where.get(String(n.nodeID))!
      return `${n.text ?? ''} @ ${Math.round(x!)},${Math.round(y!)}`
    })
    .sort()
}
