export * from './schema'
export * from './invariants'
export * from './ids'
export * from './findNodes'
