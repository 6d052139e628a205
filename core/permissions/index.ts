export * from './roles'
export * from './contributions'
