export { serializeAif, splitName, DEFAULT_AIF_TIMESTAMP, type SerializeAifOptions } from './serialize'
export { parseAif, DEFAULT_AIF_TITLE } from './parse'
export { serializeOva3, type Ova3Save } from './ova'
export { AIF_NODE_TYPES, type AifDocument, type AifNode, type AifEdge, type AifNodeType } from './types'
