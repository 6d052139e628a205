export { serializeAif, splitName, DEFAULT_AIF_TIMESTAMP, type SerializeAifOptions } from './serialize'
export { parseAif, DEFAULT_AIF_TITLE } from './parse'
export { AIF_NODE_TYPES, type AifDocument, type AifNode, type AifEdge, type AifNodeType } from './types'
