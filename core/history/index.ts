export * from './diff'
export * from './restore'
