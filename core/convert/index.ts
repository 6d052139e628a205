/**
 * Interchange formats, each a pure parse/serialize pair. Importers return a
 * result (`ok` with warnings, or errors naming where); they never throw on
 * bad input and never return half a map.
 */
export {
  parseCruxJson,
  serializeCruxJson,
  checkGraph,
  CRUX_FORMAT,
  CRUX_JSON_VERSION,
  type CruxJsonFile,
  type Issue,
  type ParseResult,
} from './json'
export * from './aif'
export { buildOutline, isRef, type OutlineItem, type OutlineNode, type OutlineRef, type OutlineVia } from './outline'
export { serializeMarkdownOutline, escapeMarkdown, anchor, KIND_LABELS, RELATION_LABELS } from './markdown'
export * from './argdown'
export { drawMapSvg, drawingOfMap, wrapText, type Drawing, type DrawingNode, type DrawingRelation } from './svg'
export {
  COMMENTS_PLACE,
  commentsArgdown,
  commentsLeftOut,
  commentsMarkdown,
  exportedThreads,
  type CommentFormat,
  type ExportedThread,
} from './comments'
export { serializeGraphml } from './graphml'
export { serializeDrawio } from './drawio'
