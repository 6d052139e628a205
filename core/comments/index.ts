export * from './schema'
export * from './threads'
