export * from './diff'
export * from './restore'
export * from './checkpoint'
