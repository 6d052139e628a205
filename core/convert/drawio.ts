import type { ArgumentMap } from '../graph'
import { BOX_WIDTH, KIND_FILL, RELATION_STROKE, boxHeight, drawableRelations, xmlText } from './graphXml'

/**
 * A draw.io (diagrams.net) file: one page whose mxGraphModel has each node
 * as a rounded box at its position, coloured by kind, and each relation as
 * an edge. draw.io lets an edge end on another edge, so an undercut aims at
 * the support it attacks, as in Crux. Argdown's own draw.io export goes one
 * way; this keeps kinds in each cell's style and ids as cell ids.
 */
export function serializeDrawio(map: ArgumentMap): string {
  const { plain, undercuts } = drawableRelations(map)
  // Cell ids must not clash with draw.io's two root cells "0" and "1".
  const cell = (id: string) => `c-${id}`
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mxfile host="Crux" type="device">',
    `  <diagram id="crux" name="${xmlText(map.title || 'Map')}">`,
    '    <mxGraphModel dx="1200" dy="800" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">',
    '      <root>',
    '        <mxCell id="0"/>',
    '        <mxCell id="1" parent="0"/>',
  ]
  for (const n of map.nodes) {
    const style = `rounded=1;whiteSpace=wrap;html=0;fillColor=${KIND_FILL[n.kind]};strokeColor=#455A64;crux=${n.kind};`
    out.push(
      `        <mxCell id="${xmlText(cell(n.id))}" value="${xmlText(n.text)}" style="${style}" vertex="1" parent="1">`,
      `          <mxGeometry x="${n.x}" y="${n.y}" width="${BOX_WIDTH}" height="${boxHeight(n.text)}" as="geometry"/>`,
      '        </mxCell>',
    )
  }
  const edge = (id: string, source: string, target: string, kind: keyof typeof RELATION_STROKE, label: string) =>
    out.push(
      `        <mxCell id="${xmlText(cell(id))}" value="${xmlText(label)}" style="endArrow=block;html=0;strokeWidth=2;strokeColor=${RELATION_STROKE[kind]};${kind === 'undercuts' ? 'dashed=1;' : ''}crux=${kind};" edge="1" parent="1" source="${xmlText(cell(source))}" target="${xmlText(cell(target))}">`,
      '          <mxGeometry relative="1" as="geometry"/>',
      '        </mxCell>',
    )
  for (const r of plain) edge(r.id, r.source, r.target, r.kind, r.scheme ?? '')
  for (const { relation } of undercuts) edge(relation.id, relation.source, relation.target, 'undercuts', '')
  out.push('      </root>', '    </mxGraphModel>', '  </diagram>', '</mxfile>', '')
  return out.join('\n')
}
