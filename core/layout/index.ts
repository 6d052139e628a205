// The elkjs bundle is large: import '@/core/layout/elk' lazily where it is used.
export * from './boxes'
export * from './layoutEdges'
export * from './placement'
export * from './sizes'
export * from './initialView'
