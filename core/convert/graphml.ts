import type { ArgumentMap } from '../graph'
import { BOX_WIDTH, KIND_FILL, RELATION_STROKE, boxHeight, drawableRelations, xmlText } from './graphXml'

/**
 * GraphML with yEd's shape extensions: each node a box at its position,
 * coloured by kind, labelled with its text; each support and attack an
 * edge. GraphML edges join nodes only, so each undercut support gets a small
 * inference node on the way from premise to conclusion, and the undercut
 * aims at that node. Crux data (kind, relation kind, ids) rides along as
 * GraphML attributes, which yEd shows in its property sheet.
 */
export function serializeGraphml(map: ArgumentMap): string {
  const { plain, undercuts } = drawableRelations(map)
  const undercut = new Set(undercuts.map((u) => u.support.id))
  const byId = new Map(map.nodes.map((n) => [n.id, n]))
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    '  <key for="node" id="d0" yfiles.type="nodegraphics"/>',
    '  <key for="edge" id="d1" yfiles.type="edgegraphics"/>',
    '  <key for="node" id="kind" attr.name="kind" attr.type="string"/>',
    '  <key for="node" id="text" attr.name="text" attr.type="string"/>',
    '  <key for="edge" id="relation" attr.name="relation" attr.type="string"/>',
    '  <key for="graph" id="title" attr.name="title" attr.type="string"/>',
    '  <graph id="G" edgedefault="directed">',
    `    <data key="title">${xmlText(map.title)}</data>`,
  ]
  for (const n of map.nodes) {
    out.push(
      `    <node id="${xmlText(n.id)}">`,
      `      <data key="kind">${n.kind}</data>`,
      `      <data key="text">${xmlText(n.text)}</data>`,
      `      <data key="d0"><y:ShapeNode><y:Geometry x="${n.x}" y="${n.y}" width="${BOX_WIDTH}" height="${boxHeight(n.text)}"/><y:Fill color="${KIND_FILL[n.kind]}" transparent="false"/><y:BorderStyle color="#455A64" type="line" width="1.0"/><y:NodeLabel alignment="center" autoSizePolicy="content" modelName="internal" modelPosition="c">${xmlText(n.text)}</y:NodeLabel><y:Shape type="roundrectangle"/></y:ShapeNode></data>`,
      '    </node>',
    )
  }
  const edge = (id: string, source: string, target: string, kind: string, label = '') =>
    out.push(
      `    <edge id="${xmlText(id)}" source="${xmlText(source)}" target="${xmlText(target)}">`,
      `      <data key="relation">${kind}</data>`,
      `      <data key="d1"><y:PolyLineEdge><y:LineStyle color="${RELATION_STROKE[kind as keyof typeof RELATION_STROKE]}" type="${kind === 'undercuts' ? 'dashed' : 'line'}" width="2.0"/><y:Arrow source="none" target="standard"/>${label ? `<y:EdgeLabel>${xmlText(label)}</y:EdgeLabel>` : ''}</y:PolyLineEdge></data>`,
      '    </edge>',
    )
  for (const r of plain) {
    if (!undercut.has(r.id)) {
      edge(r.id, r.source, r.target, r.kind, r.scheme ?? '')
      continue
    }
    // The inference node: halfway along the support, where the undercut meets it.
    const s = byId.get(r.source)!
    const t = byId.get(r.target)!
    const inference = `inference-${r.id}`
    out.push(
      `    <node id="${xmlText(inference)}">`,
      '      <data key="kind">inference</data>',
      `      <data key="d0"><y:ShapeNode><y:Geometry x="${(s.x + t.x) / 2 + BOX_WIDTH / 2 - 8}" y="${(s.y + t.y) / 2}" width="16" height="16"/><y:Fill color="${RELATION_STROKE.supports}" transparent="false"/><y:Shape type="ellipse"/></y:ShapeNode></data>`,
      '    </node>',
    )
    edge(`${r.id}-in`, r.source, inference, 'supports', r.scheme ?? '')
    edge(`${r.id}-out`, inference, r.target, 'supports')
  }
  for (const { relation } of undercuts) edge(relation.id, relation.source, `inference-${relation.target}`, 'undercuts')
  out.push('  </graph>', '</graphml>', '')
  return out.join('\n')
}
